; Inno Setup script for the Windows installer of Market Entry Readiness.
; Build the one-folder bundle first (see packaging/README.md), then: iscc readiness.iss
#define AppName "Market Entry Readiness"
#define AppVersion "0.2.0"

[Setup]
AppId={{6C1D2A0E-5B1F-4F7A-9C3E-2E9A8B7D4F10}
AppName={#AppName}
AppVersion={#AppVersion}
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
OutputBaseFilename=market-entry-readiness-{#AppVersion}-setup
Compression=lzma2
SolidCompression=yes
PrivilegesRequired=lowest
WizardStyle=modern

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"

[Files]
Source: "..\..\dist\market-entry-readiness\*"; DestDir: "{app}"; Flags: recursesubdirs ignoreversion

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\market-entry-readiness.exe"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\market-entry-readiness.exe"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Run]
Filename: "{app}\market-entry-readiness.exe"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
