using ActorIpc.Configuration;
using ActorIpc.Hosting;

namespace ActorIpc.Tests.Processes;

public sealed class ChildEnvironmentTests
{
    private static readonly Launcher WithSetpriv = new("/usr/share/dotnet/dotnet", "/usr/bin/setpriv", null);
    internal static readonly Launcher WithoutSetpriv = new("dotnet", null, "setpriv (util-linux) is not installed");

    [Fact]
    public void FromEnvironment_NoProcessName_NotSupervised()
    {
        Assert.Null(ChildIdentity.FromEnvironment(_ => null));
        Assert.Null(ChildIdentity.FromEnvironment(name => name == ChildIdentity.ProcessVariable ? " " : "3"));
    }

    [Fact]
    public void FromEnvironment_TheFleetsVariables_TheIdentity()
    {
        var environment = new Dictionary<string, string>
        {
            [ChildIdentity.ProcessVariable] = "images",
            [ChildIdentity.ReplicaVariable] = "2",
            [ChildIdentity.RolesVariable] = "resizer, images,",
        };

        var identity = ChildIdentity.FromEnvironment(environment.GetValueOrDefault)!;

        Assert.Equal(("images", 2, "images#2"), (identity.Process, identity.Replica, identity.ToString()));
        Assert.Equal(["resizer", "images"], identity.Roles);
    }

    [Fact]
    public void FromEnvironment_AReplicaThatIsNotANumber_Throws()
    {
        var error = Assert.Throws<FormatException>(() => ChildIdentity.FromEnvironment(name => name == ChildIdentity.ReplicaVariable ? "two" : "images"));

        Assert.Contains("ACTORIPC_REPLICA='two'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToEnvironment_ReadBackByFromEnvironment_TheSameIdentityAndTheSeed()
    {
        var identity = new ChildIdentity("images", 3, ["a", "b"]);

        var environment = identity.ToEnvironment("akka.tcp://app@127.0.0.1:4053").ToDictionary();
        var read = ChildIdentity.FromEnvironment(environment.GetValueOrDefault)!;

        Assert.Equal("akka.tcp://app@127.0.0.1:4053", environment[ChildIdentity.SeedVariable]);
        Assert.Equal((identity.Process, identity.Replica), (read.Process, read.Replica));
        Assert.Equal(identity.Roles, read.Roles);
        Assert.DoesNotContain(ChildIdentity.RolesVariable, new ChildIdentity("w", 0, []).ToEnvironment("s").ToDictionary().Keys);
    }

    [Fact]
    public void Create_AnAssembly_RunsWithTheDotnetHostUnderSetprivWithTheFleetsVariablesOverTheTopologys()
    {
        var process = Process("""
            actoripc.processes.images {
              program = Images.dll
              arguments = [ "--fast", "a b" ]
              working-directory = work
              environment { MODE = fast }
              roles = [ resizer ]
            }
            """);

        var start = ChildCommand.Create(process, new ChildIdentity("images", 1, process.Roles), "akka.tcp://app@127.0.0.1:4053", "s3cret", WithSetpriv);

        Assert.Equal("/usr/bin/setpriv", start.FileName);
        Assert.Equal(["--pdeathsig", "KILL", "--", "/usr/share/dotnet/dotnet", "/srv/app/Images.dll", "--fast", "a b"], start.ArgumentList);
        Assert.Equal("/srv/app/work", start.WorkingDirectory);
        Assert.True(start is { RedirectStandardInput: true, RedirectStandardOutput: true, RedirectStandardError: true, UseShellExecute: false });
        Assert.Equal("fast", start.Environment["MODE"]);
        Assert.Equal("akka.tcp://app@127.0.0.1:4053", start.Environment[ChildIdentity.SeedVariable]);
        Assert.Equal("images", start.Environment[ChildIdentity.ProcessVariable]);
        Assert.Equal("1", start.Environment[ChildIdentity.ReplicaVariable]);
        Assert.Equal("resizer", start.Environment[ChildIdentity.RolesVariable]);
        Assert.Equal("s3cret", start.Environment[ChildIdentity.SecretVariable]);

        // The parent's own environment is inherited.
        Assert.Equal(Environment.GetEnvironmentVariable("PATH"), start.Environment["PATH"]);
    }

    [Fact]
    public void Create_AnExecutableWithoutSetpriv_RunsItselfInTheParentsFolderWithoutRoles()
    {
        var process = Process("actoripc.processes.tool.program = /usr/bin/tool");
        Environment.SetEnvironmentVariable(ChildIdentity.RolesVariable, null);

        var start = ChildCommand.Create(process, new ChildIdentity("tool", 0, []), "seed", "", WithoutSetpriv);

        Assert.Equal("/usr/bin/tool", start.FileName);
        Assert.Empty(start.ArgumentList);
        Assert.Equal("", start.WorkingDirectory);
        Assert.False(start.Environment.ContainsKey(ChildIdentity.RolesVariable));
        Assert.False(start.Environment.ContainsKey(ChildIdentity.SecretVariable));
    }

    [Fact]
    public void FindDotnetHost_ThisProcessesHostFirst_ThenDotnetHostPath_ThenDotnetRoot_ThenPath()
    {
        var environment = new Dictionary<string, string> { ["DOTNET_HOST_PATH"] = "/sdk/dotnet", ["DOTNET_ROOT"] = "/root-dir" };
        bool Exists(string path) => path is "/sdk/dotnet" or "/root-dir/dotnet";

        Assert.Equal("/opt/dotnet/dotnet", Launcher.FindDotnetHost("/opt/dotnet/dotnet", environment.GetValueOrDefault, Exists));
        Assert.Equal("/sdk/dotnet", Launcher.FindDotnetHost("/srv/app/MyApp", environment.GetValueOrDefault, Exists));
        Assert.Equal("/root-dir/dotnet", Launcher.FindDotnetHost("/srv/app/MyApp", name => name == "DOTNET_ROOT" ? "/root-dir" : null, Exists));
        Assert.Equal("dotnet", Launcher.FindDotnetHost(null, _ => null, Exists));
    }

    [Fact]
    public void FindOnPath_TheFirstFolderThatHasIt_ThenTheSystemFolders()
    {
        Assert.Equal("/b/setpriv", Launcher.FindOnPath("setpriv", "/a:/b:/c", p => p is "/b/setpriv" or "/c/setpriv" or "/usr/bin/setpriv"));
        Assert.Equal("/usr/bin/setpriv", Launcher.FindOnPath("setpriv", null, p => p == "/usr/bin/setpriv"));
        Assert.Null(Launcher.FindOnPath("setpriv", "/a", _ => false));
    }

    [Fact]
    public void Find_OnThisMachine_FindsSetprivUnlessTurnedOff()
    {
        var launcher = Launcher.Find(killWithParent: true);
        var off = Launcher.Find(killWithParent: false);

        Assert.Equal(OperatingSystem.IsLinux() && Launcher.FindOnPath("setpriv", Environment.GetEnvironmentVariable("PATH"), File.Exists) is not null, launcher.Setpriv is not null);
        Assert.Equal((null, "actoripc.fleet.kill-with-parent is off"), (off.Setpriv, off.Note));
    }

    internal static ProcessSettings Process(string text) => Assert.Single(FleetSettings.Create(ActorIpcConfig.Parse(text), "/srv/app").Processes);
}
