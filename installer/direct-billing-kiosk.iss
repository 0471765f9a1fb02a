; Inno Setup script: the Windows installer of the kiosk, built from the PyInstaller bundle.
;   On a Windows build machine, from the repository:
;     .venv\Scripts\pyinstaller --noconfirm --distpath dist --workpath build\pyinstaller installer\kiosk.spec
;     iscc installer\direct-billing-kiosk.iss
;   Output: dist\direct-billing-kiosk-setup-<version>.exe
; Per-user install (no administrator rights needed at a clinic's desk PC), started at sign-in.
; The device key is not asked for here: it goes into Windows Credential Manager through
; `kiosk register` (the first start asks a manager for it).

#define AppName "Direct billing kiosk"
#define AppVersion "0.1.0"
#define AppPublisher "direct-billing-kiosk"
#define AppExe "kiosk.exe"
#define ConsoleExe "kiosk-console.exe"

[Setup]
AppId={{6A0D3C1E-5B7F-4E8A-9C21-0D4B7E2F9A13}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher={#AppPublisher}
DefaultDirName={localappdata}\Programs\DirectBillingKiosk
DefaultGroupName={#AppName}
PrivilegesRequired=lowest
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\dist
OutputBaseFilename=direct-billing-kiosk-setup-{#AppVersion}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
DisableProgramGroupPage=yes
UninstallDisplayIcon={app}\{#AppExe}
CloseApplications=yes

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"
Name: "zh_CN"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"

[Tasks]
Name: "autostart"; Description: "Start the kiosk when this Windows user signs in"; Flags: checkedonce

[Files]
Source: "..\dist\kiosk\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs
Source: "README.md"; DestDir: "{app}"; Flags: ignoreversion

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"; Parameters: "run"
Name: "{group}\Kiosk doctor"; Filename: "{cmd}"; Parameters: "/k ""{app}\{#ConsoleExe}"" doctor"
Name: "{group}\Register with the insurer"; Filename: "{cmd}"; Parameters: "/k ""{app}\{#ConsoleExe}"" register --insurer https://"
Name: "{userstartup}\{#AppName}"; Filename: "{app}\{#AppExe}"; Parameters: "run"; Tasks: autostart

[Run]
; The retention purge (kiosk purge), daily at 12:30, when a clinic's desk PC is on; the GUI
; executable, so no console window flashes up in front of the family.
Filename: "{sys}\schtasks.exe"; Parameters: "/Create /F /SC DAILY /ST 12:30 /TN ""DirectBillingKiosk\RetentionPurge"" /TR ""\""{app}\{#AppExe}\"" purge"""; Flags: runhidden
Filename: "{cmd}"; Parameters: "/k ""{app}\{#ConsoleExe}"" doctor"; Description: "Check this PC now (kiosk doctor)"; Flags: postinstall skipifsilent nowait

[Code]
// The installation is only reported as done if the installed program passes its self-test.
procedure CurStepChanged(CurStep: TSetupStep);
var
  ResultCode: Integer;
begin
  if CurStep = ssPostInstall then
  begin
    WizardForm.StatusLabel.Caption := 'Checking the installation (kiosk --self-test)...';
    if not Exec(ExpandConstant('{app}\{#ConsoleExe}'), '--self-test', '', SW_HIDE,
                ewWaitUntilTerminated, ResultCode) or (ResultCode <> 0) then
      MsgBox('The kiosk was installed but its self-test failed (exit status ' +
             IntToStr(ResultCode) + '). Run "Kiosk doctor" from the Start menu and call support.',
             mbError, MB_OK);
  end;
end;

[UninstallRun]
Filename: "{sys}\schtasks.exe"; Parameters: "/Delete /F /TN ""DirectBillingKiosk\RetentionPurge"""; Flags: runhidden; RunOnceId: "RemovePurgeTask"

[UninstallDelete]
; The journal and settings are the clinic's records: they stay in %LOCALAPPDATA%\direct-billing-kiosk.
Type: filesandordirs; Name: "{app}\__pycache__"
