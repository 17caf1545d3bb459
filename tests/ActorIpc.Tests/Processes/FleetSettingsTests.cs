using ActorIpc.Configuration;
using ActorIpc.Hocon;
using ActorIpc.Tests.Shared;

namespace ActorIpc.Tests.Processes;

public sealed class FleetSettingsTests
{
    private const string Base = "/srv/app";

    [Fact]
    public void Create_ReferenceConfiguration_NoProcessesAndTheDocumentedFleetDefaults()
    {
        var settings = FleetSettings.Create(ActorIpcConfig.WithDefaults(Config.Empty), Base);

        Assert.Empty(settings.Processes);
        Assert.Equal((500, true, TimeSpan.FromSeconds(1), true), (settings.LogLines, settings.LogOutput, settings.MemorySampleInterval, settings.KillWithParent));
    }

    [Fact]
    public void Create_AProcessWithOnlyItsProgram_TakesEveryOtherSettingFromTheDefaults()
    {
        var process = Single("actoripc.processes.worker.program = Worker.dll");

        Assert.Equal("worker", process.Name);
        Assert.Equal("/srv/app/Worker.dll", process.ProgramPath);
        Assert.True(process.IsAssembly);
        Assert.Equal((1, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(10), (long?)null), (process.Replicas, process.ReadyTimeout, process.StopTimeout, process.MemoryLimit));
        Assert.Empty(process.Arguments);
        Assert.Empty(process.Roles);
        Assert.Empty(process.Keys);
        Assert.Empty(process.Environment);
        Assert.Null(process.WorkingDirectory);
        Assert.Equal(new RestartPolicy(TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(10), 0.2, 5, TimeSpan.FromMinutes(1)), process.Restart);
        Assert.Equal(new HealthSettings(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2), 3), process.Health);
    }

    [Fact]
    public void Create_EverySettingOfAProcess_IsRead()
    {
        var process = Single("""
            actoripc.processes.resizer {
              program = "bin/resizer"
              arguments = [ "--queue", images ]
              working-directory = data
              environment { MODE = fast, LEVEL = 3 }
              replicas = 4
              roles = [ resizer, images ]
              keys = [ "image-resizer" ]
              memory-limit = 512 MiB
              ready-timeout = 5s
              stop-timeout = 0s
              restart { min-backoff = 1s, max-backoff = 1m, random-factor = 0.5, max-restarts = 10, within = 5m }
              health { interval = off, timeout = 500ms, failures = 1 }
            }
            """);

        Assert.Equal(("/srv/app/bin/resizer", false), (process.ProgramPath, process.IsAssembly));
        Assert.Equal(["--queue", "images"], process.Arguments);
        Assert.Equal("/srv/app/data", process.WorkingDirectory);
        Assert.Equal(new Dictionary<string, string> { ["MODE"] = "fast", ["LEVEL"] = "3" }, process.Environment);
        Assert.Equal((4, 512L * 1024 * 1024), (process.Replicas, process.MemoryLimit));
        Assert.Equal(["resizer", "images"], process.Roles);
        Assert.Equal(["image-resizer"], process.Keys);
        Assert.Equal((TimeSpan.FromSeconds(5), TimeSpan.Zero), (process.ReadyTimeout, process.StopTimeout));
        Assert.Equal(new RestartPolicy(TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1), 0.5, 10, TimeSpan.FromMinutes(5)), process.Restart);
        Assert.Equal(new HealthSettings(null, TimeSpan.FromMilliseconds(500), 1), process.Health);
    }

    [Fact]
    public void Create_DefaultsSetByTheUser_AreWhatEachProcessFallsBackOn_ObjectsMerge()
    {
        var settings = FleetSettings.Create(ActorIpcConfig.Parse("""
            actoripc.fleet.defaults {
              program = Worker.dll
              replicas = 2
              environment { SHARED = yes }
              restart.max-restarts = 9
            }
            actoripc.processes {
              a { }
              b { replicas = 3, environment { OWN = 1 }, restart.within = 10s }
            }
            """), Base);

        var (a, b) = (settings.Processes[0], settings.Processes[1]);
        Assert.Equal(["a", "b"], settings.Processes.Select(p => p.Name));
        Assert.Equal((2, "/srv/app/Worker.dll", 9), (a.Replicas, a.ProgramPath, a.Restart.MaxRestarts));
        Assert.Equal((3, 9, TimeSpan.FromSeconds(10)), (b.Replicas, b.Restart.MaxRestarts, b.Restart.Within));
        Assert.Equal(new Dictionary<string, string> { ["SHARED"] = "yes", ["OWN"] = "1" }, b.Environment);
    }

    [Theory]
    [InlineData("python3", "python3")]
    [InlineData("./tool", "/srv/app/tool")]
    [InlineData("/usr/bin/env", "/usr/bin/env")]
    [InlineData("../other/Worker.DLL", "/srv/other/Worker.DLL")]
    public void Locate_APathIsRelativeToTheApplicationsFolder_ABareNameIsForPath(string program, string expected)
    {
        Assert.Equal(expected, ProcessSettings.Locate(program, Base));
    }

    [Theory]
    [InlineData("actoripc.processes.w { program = \"\" }", "actoripc.processes.w.program", "names no program")]
    [InlineData("actoripc.processes.w { program = a.dll, replicas = -1 }", "actoripc.processes.w.replicas", "between 0 and 1024")]
    [InlineData("actoripc.processes.w { program = a.dll, memory-limit = 0 }", "actoripc.processes.w.memory-limit", "positive size")]
    [InlineData("actoripc.processes.w { program = a.dll, memory-limit = lots }", "actoripc.processes.w.memory-limit", "size")]
    [InlineData("actoripc.processes.w { program = a.dll, ready-timeout = 0s }", "actoripc.processes.w.ready-timeout", "positive")]
    [InlineData("actoripc.processes.w { program = a.dll, stop-timeout = infinite }", "actoripc.processes.w.stop-timeout", "finite")]
    [InlineData("actoripc.processes.w { program = a.dll, restart { min-backoff = 2s, max-backoff = 1s } }", "actoripc.processes.w.restart.max-backoff", "shorter than min-backoff")]
    [InlineData("actoripc.processes.w { program = a.dll, restart.random-factor = -0.5 }", "actoripc.processes.w.restart.random-factor", "between 0")]
    [InlineData("actoripc.processes.w { program = a.dll, restart.max-restarts = -1 }", "actoripc.processes.w.restart.max-restarts", "0 (never restart) or more")]
    [InlineData("actoripc.processes.w { program = a.dll, restart.within = 0s }", "actoripc.processes.w.restart.within", "positive")]
    [InlineData("actoripc.processes.w { program = a.dll, health.failures = 0 }", "actoripc.processes.w.health.failures", "at least one")]
    [InlineData("actoripc.processes.w { program = a.dll, health.interval = 0s }", "actoripc.processes.w.health.interval", "or off")]
    [InlineData("actoripc.processes.w { program = a.dll, roles = [ \"a b\" ] }", "actoripc.processes.w.roles", "'a b' is not a role")]
    [InlineData("actoripc.processes.w { program = a.dll, roles = [ \"a,b\" ] }", "actoripc.processes.w.roles", "commas")]
    [InlineData("actoripc.processes.w { program = a.dll, keys = [ \"\" ] }", "actoripc.processes.w.keys", "service key name")]
    [InlineData("actoripc.processes.w { program = a.dll, environment { ACTORIPC_SEED = x } }", "actoripc.processes.w.environment.ACTORIPC_SEED", "set by the fleet")]
    [InlineData("actoripc.processes.w { program = a.dll, replica = 2 }", "actoripc.processes.w.replica", "'replica' is not a setting here")]
    [InlineData("actoripc.processes.w { program = a.dll, restart.max-retries = 2 }", "actoripc.processes.w.restart.max-retries", "not a setting here")]
    [InlineData("actoripc.processes.\"my worker\" { program = a.dll }", "actoripc.processes.\"my worker\"", "not a process name")]
    [InlineData("actoripc.processes.w = 3", "actoripc.processes.w", "object")]
    [InlineData("actoripc.fleet.log-line = 3", "actoripc.fleet.log-line", "not a setting here")]
    [InlineData("actoripc.fleet.defaults.replica = 2", "actoripc.fleet.defaults.replica", "not a setting here")]
    [InlineData("actoripc.fleet.memory-sample-interval = 0s", "actoripc.fleet.memory-sample-interval", "positive")]
    public void Create_AnInvalidSetting_IsRefusedWithItsPathAndPosition(string text, string path, string reason)
    {
        var config = ActorIpcConfig.Parse(text, "app.conf");

        var error = Assert.Throws<HoconException>(() => FleetSettings.Create(config, Base));

        Assert.Equal(("app.conf", 1), (error.Origin, error.Line));
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.StartsWith(path, error.Path ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public void Create_ADefaultThatOnlyAProcessUses_IsCheckedWhereTheProcessIsRead()
    {
        // Replicas = 0 is not started, but its settings are still read and checked.
        var config = ActorIpcConfig.Parse("actoripc.processes.w { program = a.dll, replicas = 0, stop-timeout = -1s }", "app.conf");

        var error = Assert.Throws<HoconException>(() => FleetSettings.Create(config, Base));

        Assert.Equal("actoripc.processes.w.stop-timeout", error.Path);
    }

    [Fact]
    public void CheckFiles_AProgramThatDoesNotExist_IsRefusedWithItsPosition()
    {
        using var dir = new ScratchDirectory();
        var config = ActorIpcConfig.Parse("actoripc.processes {\n  here.program = here.dll\n  gone.program = gone.dll\n  onpath.program = no-such-tool-on-path\n}", "app.conf");
        File.WriteAllText(dir.File("here.dll"), "");
        var settings = FleetSettings.Create(config, dir.Path);

        var error = Assert.Throws<HoconException>(() => settings.CheckFiles(config));

        Assert.Equal(("actoripc.processes.gone.program", 3), (error.Path, error.Line));
        Assert.Contains($"process 'gone': no such file {dir.File("gone.dll")}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CheckFiles_AWorkingDirectoryThatDoesNotExist_IsRefusedWithItsPosition()
    {
        using var dir = new ScratchDirectory();
        var config = ActorIpcConfig.Parse("actoripc.processes.w {\n  program = /bin/sh\n  working-directory = nowhere\n}", "app.conf");
        var settings = FleetSettings.Create(config, dir.Path);

        var error = Assert.Throws<HoconException>(() => settings.CheckFiles(config));

        Assert.Equal(("actoripc.processes.w.working-directory", 3), (error.Path, error.Line));
    }

    [Fact]
    public void ExampleTopologies_AreValid()
    {
        var examples = Path.Combine(RepositoryRoot(), "hocon", "examples");
        foreach (var file in Directory.GetFiles(examples, "*.conf").Where(f => Path.GetFileName(f) != "common.conf"))
        {
            var settings = FleetSettings.Create(ActorIpcConfig.Load(file), Base);

            Assert.NotEmpty(settings.Processes);
        }
    }

    private static ProcessSettings Single(string text) => Assert.Single(FleetSettings.Create(ActorIpcConfig.Parse(text), Base).Processes);

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ActorIpc.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("ActorIpc.sln not found above the test's folder");
    }
}
