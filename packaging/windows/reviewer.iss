; Inno Setup 6.3+ script: installer for the one-folder app built by packaging\reviewer.spec.
; Normally run by packaging\windows\build.ps1, which passes the version and the bundle folder:
;   ISCC.exe /DAppVersion=0.1.0 /DDistDir=...\packaging\dist\reviewer packaging\windows\reviewer.iss
; Run by hand, it reads both from the built folder (the version from reviewer.exe's version resource).
; Installs per user without administrator rights (office PCs) unless the user chooses all users.

#ifndef DistDir
  #define DistDir AddBackslash(SourcePath) + "..\dist\reviewer"
#endif
#ifndef AppVersion
  #define AppVersion GetStringFileInfo(AddBackslash(DistDir) + "reviewer.exe", "ProductVersion")
#endif
#if AppVersion == ""
  #error reviewer.exe not found or without a version: build the app first (packaging\windows\build.ps1)
#endif

#define AppName "法治政府建设年度报告审阅助手"

[Setup]
AppId={{6C1E5D3A-8F2B-4C67-9E41-2A7B3D5F9C10}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=reviewer
VersionInfoVersion={#AppVersion}
VersionInfoProductName={#AppName}
DefaultDirName={autopf}\reviewer
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputBaseFilename=reviewer-{#AppVersion}-setup
SetupIconFile={#SourcePath}..\..\resources\icons\reviewer.ico
UninstallDisplayIcon={app}\reviewer.exe
UninstallDisplayName={#AppName}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ShowLanguageDialog=auto

[Languages]
; ChineseSimplified.isl is one of Inno Setup's translations (https://jrsoftware.org/files/istrans/): if the
; compiler reports it missing, copy it into the compiler's Languages folder.
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
chinesesimplified.DemoReports=演示报告
english.DemoReports=Demo reports

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Files]
Source: "{#DistDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; files of an older version that this one no longer ships
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\reviewer.exe"
Name: "{autoprograms}\{#AppName} {cm:DemoReports}"; Filename: "{app}\_internal\resources\demo"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\reviewer.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\reviewer.exe"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
