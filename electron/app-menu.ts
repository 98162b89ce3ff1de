/**
 * The application menu. Packaged (what users get): the standard File, Edit, View and Window
 * menus without developer tools: no Toggle Developer Tools and no Force Reload in View (Electron's
 * own View menu role has both, so it is not used), and the window is created with devTools off
 * (electron/main.ts). From the source (`npm start`) the two are there. No item opens anything
 * outside the app.
 */

/** The subset of Electron's MenuItemConstructorOptions used here (electron/main.ts builds the menu from it). */
export interface MenuItemTemplate {
  role?:
    | 'appMenu' | 'fileMenu' | 'editMenu' | 'windowMenu'
    | 'reload' | 'forceReload' | 'toggleDevTools' | 'resetZoom' | 'zoomIn' | 'zoomOut' | 'togglefullscreen';
  label?: string;
  type?: 'separator';
  submenu?: MenuItemTemplate[];
}

export function appMenuTemplate({ packaged, platform }: { packaged: boolean; platform: string }): MenuItemTemplate[] {
  const view: MenuItemTemplate[] = [
    { role: 'reload' },
    ...(packaged ? [] : [{ role: 'forceReload' } as const, { role: 'toggleDevTools' } as const]),
    { type: 'separator' },
    { role: 'resetZoom' },
    { role: 'zoomIn' },
    { role: 'zoomOut' },
    { type: 'separator' },
    { role: 'togglefullscreen' },
  ];
  return [
    ...(platform === 'darwin' ? [{ role: 'appMenu' } as const] : []),
    { role: 'fileMenu' },
    { role: 'editMenu' },
    { label: 'View', submenu: view },
    { role: 'windowMenu' },
  ];
}
