/** English messages of the installed app's own screens: Settings › About TSP Desk, a page that failed, a window that keeps failing. */
export const aboutEn = {
  'ui.settings.about.title': 'About TSP Desk',
  'ui.settings.about.office':
    'This window works on the office server {url}: the version, store, law and platform below are the server\'s, and so are the diagnostics.',
  'ui.settings.about.version': 'Version',
  'ui.settings.about.schema': 'Store schema',
  'ui.settings.about.ruleSets': 'Rule-set library',
  'ui.settings.about.ruleSetsValue':
    '{builtIn, plural, one {# built-in rule-set} other {# built-in rule-sets}} (fingerprint {fingerprint}); {stored, plural, =0 {no version saved in this store} one {# version saved in this store} other {# versions saved in this store}}',
  'ui.settings.about.treatyMap': 'Treaty map',
  'ui.settings.about.treatyMapBuiltIn': 'version {version}, built in',
  'ui.settings.about.treatyMapStored': 'version {version}, saved in this store (built in: {builtIn})',
  'ui.settings.about.platform': 'Platform',
  'ui.settings.about.diagnostics.title': 'Diagnostics',
  'ui.settings.about.diagnostics.intro':
    'For a support request: the version, the platform and the last lines of the log. The log holds no case data, names or dates: it is safe to send.',
  'ui.settings.about.diagnostics.copy': 'Copy diagnostics',
  'ui.settings.about.diagnostics.copied': 'The diagnostics were copied. Paste them into your support request.',
  'ui.settings.about.diagnostics.copyFailed': 'They could not be copied here: select the text below and copy it (Ctrl+C).',
  'ui.settings.about.diagnostics.text': 'What is copied',
  'ui.settings.about.diagnostics.log': 'Log file',
  'ui.settings.about.diagnostics.noLog': 'This window writes no log.',
  'ui.crash.title': 'This page could not be shown',
  'ui.crash.text': 'Something went wrong while showing it. What you saved is in the store; changes on this page that were not saved yet may be lost.',
  'ui.crash.next': 'Go back to the case list, or reload the window. If it happens again, copy the diagnostics (Settings › About TSP Desk) into a support request.',
  'ui.crash.back': 'Back to the case list',
  'ui.crash.reload': 'Reload the window',
  'ui.crash.details': 'Technical details',
  'shell.rendererFailed.title': 'TSP Desk stopped',
  'shell.restoreRefused.title': 'The backup was not restored',
  'shell.restoreRefused.text': 'The restore asked for in Settings was not done, and the store is as it was. What was found:\n{problems}',
  'shell.rendererFailed.text': 'Its window failed several times in a row. What you saved is in the store. What happened is written in {file}.',
} as const;
