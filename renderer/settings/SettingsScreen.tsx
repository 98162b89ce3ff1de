/**
 * Settings: language, your password, users and roles (supervisors only), where the data
 * lives, its backups (supervisors only), and About TSP Desk with "Copy diagnostics".
 */
import { LetterSection } from './LetterSection.tsx';
import { useEffect, useRef } from 'react';
import { useDesk } from '../store/index.ts';
import { useText } from '../text/use-text.ts';
import { AboutSection } from './AboutSection.tsx';
import { BackupsSection } from './BackupsSection.tsx';
import { DataSection } from './DataSection.tsx';
import { LanguageSection } from './LanguageSection.tsx';
import { OfficeSection } from './OfficeSection.tsx';
import { PasswordSection } from './PasswordSection.tsx';
import { UsersSection } from './UsersSection.tsx';

export function SettingsScreen() {
  const text = useText();
  const supervisor = useDesk((s) => s.user?.role === 'supervisor');
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, []);
  useEffect(() => {
    document.title = `${text.ui('ui.settings.title')} — ${text.ui('ui.app.name')}`;
  }, [text]);
  return (
    <div className="screen settings-screen">
      <h1 tabIndex={-1} ref={heading}>
        {text.ui('ui.settings.title')}
      </h1>
      <div className="settings-grid">
        <LanguageSection />
        <PasswordSection />
        {supervisor && <UsersSection />}
        <DataSection />
        <OfficeSection />
        <LetterSection />
        {supervisor && <BackupsSection />}
        <AboutSection />
      </div>
    </div>
  );
}
