; The Windows installer (Inno Setup 6), built by packaging/build.py on windows-latest:
;   iscc /DVersion=0.1.0 /DSource=build\freeze\presskit /DOutput=dist /DIcon=build\presskit.ico
;        /DLicense=LICENSE packaging\windows\presskit.iss
; Installs the frozen app for the current user (no administrator needed) or for all users,
; with a Start-menu entry, an optional desktop icon, and .presskit and .presskitz opening in
; presskit on a double-click. presskit.exe is windowed (no console window); presskit-cli.exe
; beside it is the command line.
#ifndef Version
  #error Pass /DVersion=X.Y.Z
#endif

[Setup]
AppId={{5E0B7A0C-3C5E-4B8F-9D8B-7A1F0C2E9B41}
AppName=presskit
AppVersion={#Version}
AppPublisher=presskit developers
DefaultDirName={autopf}\presskit
DefaultGroupName=presskit
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir={#Output}
OutputBaseFilename=presskit-{#Version}-windows-x64-setup
SetupIconFile={#Icon}
UninstallDisplayIcon={app}\presskit.exe
ChangesAssociations=yes
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
LicenseFile={#License}

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#Source}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\presskit"; Filename: "{app}\presskit.exe"
Name: "{autodesktop}\presskit"; Filename: "{app}\presskit.exe"; Tasks: desktopicon

[Registry]
; The file types, in the user's or the machine's classes (HKA follows the install mode).
Root: HKA; Subkey: "Software\Classes\.presskit\OpenWithProgids"; ValueType: string; ValueName: "presskit.Kit"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.presskitz\OpenWithProgids"; ValueType: string; ValueName: "presskit.Bundle"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\presskit.Kit"; ValueType: string; ValueName: ""; ValueData: "presskit Kit"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\presskit.Kit\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\presskit.exe,0"
Root: HKA; Subkey: "Software\Classes\presskit.Kit\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\presskit.exe"" ""%1"""
Root: HKA; Subkey: "Software\Classes\presskit.Bundle"; ValueType: string; ValueName: ""; ValueData: "presskit Bundle"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\presskit.Bundle\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\presskit.exe,0"
Root: HKA; Subkey: "Software\Classes\presskit.Bundle\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\presskit.exe"" ""%1"""

[Run]
Filename: "{app}\presskit.exe"; Description: "{cm:LaunchProgram,presskit}"; Flags: nowait postinstall skipifsilent
