using System.Text.Json;
using ActorIpc.Hocon;

namespace ActorIpc.Cli.Tests;

public sealed class ConfigPrintTests
{
    [Fact]
    public void ConfigPrint_Json_PrintsResolvedDocument()
    {
        using var dir = new TempDirectory();
        dir.Write("base.conf", "timeout = 5s\nname = base");
        var file = dir.Write("app.conf", "include \"base.conf\"\nname = app\nurl = \"tcp://\"${name}\":4000\"\nlist = [1, 2]\nlist += 3");

        var (code, stdout, stderr) = CliRunner.Run("config", "print", "--json", file);

        Assert.Equal(0, code);
        Assert.Equal(string.Empty, stderr);
        using var json = JsonDocument.Parse(stdout);
        var root = json.RootElement;
        Assert.Equal("5s", root.GetProperty("timeout").GetString());
        Assert.Equal("app", root.GetProperty("name").GetString());
        Assert.Equal("tcp://app:4000", root.GetProperty("url").GetString());
        Assert.Equal([1, 2, 3], root.GetProperty("list").EnumerateArray().Select(e => e.GetInt32()));
    }

    [Fact]
    public void ConfigPrint_ClusterSecret_IsHiddenUnlessShowSecretAsksForIt()
    {
        using var dir = new TempDirectory();
        var file = dir.Write("app.conf", "actoripc.node { secret = \"open sesame\", system-name = shop }");
        var empty = dir.Write("empty.conf", "actoripc.node.secret = \"\"");

        var (code, stdout, _) = CliRunner.Run("config", "print", "--json", file);
        var (_, shown, _) = CliRunner.Run("config", "print", "--json", "--show-secret", file);
        var (_, none, _) = CliRunner.Run("config", "print", "--json", empty);

        Assert.Equal(0, code);
        Assert.DoesNotContain("open sesame", stdout, StringComparison.Ordinal);
        Assert.Contains("<hidden: 11 characters", stdout, StringComparison.Ordinal);
        Assert.Contains("\"shop\"", stdout, StringComparison.Ordinal);
        Assert.Contains("\"open sesame\"", shown, StringComparison.Ordinal);
        Assert.Contains("\"secret\": \"\"", none, StringComparison.Ordinal);
    }

    [Fact]
    public void ConfigPrint_Hocon_PrintsDocumentThatParsesBackToTheSameConfig()
    {
        using var dir = new TempDirectory();
        var file = dir.Write("app.conf", "a { b = ${c}, \"d.e\" = [x, \"y z\"] }\nc = 42\nmsg = \"\"\"two\nlines\"\"\"");

        var (code, stdout, _) = CliRunner.Run("config", "print", file);

        Assert.Equal(0, code);
        var printed = ConfigFactory.ParseString(stdout);
        var original = ConfigFactory.ParseFile(file);
        Assert.Equal(original.ToJson(indented: false), printed.ToJson(indented: false));
        Assert.Equal(42, printed.GetInt("a.b"));
        Assert.Equal("two\nlines", printed.GetString("msg"));
    }

    [Fact]
    public void ConfigPrint_InvalidDocument_PrintsPositionOnStderrAndExitsNonZero()
    {
        using var dir = new TempDirectory();
        var file = dir.Write("broken.conf", "a = 1\nb = ${missing.key}\n");

        var (code, stdout, stderr) = CliRunner.Run("config", "print", "--json", file);

        Assert.Equal(CliApp.InvalidInput, code);
        Assert.Equal(string.Empty, stdout);
        Assert.Contains("broken.conf:2:5", stderr, StringComparison.Ordinal);
        Assert.Contains("${missing.key}", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void ConfigPrint_MissingFile_SaysSoAndExitsNonZero()
    {
        using var dir = new TempDirectory();
        var missing = Path.Combine(dir.Path, "nope.conf");

        var (code, stdout, stderr) = CliRunner.Run("config", "print", missing);

        Assert.Equal(CliApp.InvalidInput, code);
        Assert.Equal(string.Empty, stdout);
        Assert.Contains($"no such file: {missing}", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void ConfigPrint_NoFileArgument_IsAUsageError()
    {
        var (code, stdout, stderr) = CliRunner.Run("config", "print");

        Assert.Equal(CliApp.UsageError, code);
        Assert.Equal(string.Empty, stdout);
        Assert.Contains("FILE", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void ConfigPrint_ExampleTopology_Resolves()
    {
        var example = Path.Combine(RepositoryRoot(), "hocon", "examples", "worker-pool.conf");

        var (code, stdout, stderr) = CliRunner.Run("config", "print", "--json", example);

        Assert.True(code == 0, stderr);
        using var json = JsonDocument.Parse(stdout);
        var actoripc = json.RootElement.GetProperty("actoripc");
        var resizer = actoripc.GetProperty("processes").GetProperty("resizer");
        Assert.Equal(4, resizer.GetProperty("replicas").GetInt32());
        Assert.Equal("512 MiB", resizer.GetProperty("memory-limit").GetString());

        // From the included common.conf, and its += over nothing (no defaults printed here).
        Assert.Equal("image-shop", actoripc.GetProperty("node").GetProperty("system-name").GetString());
        Assert.Equal(["ImageShop.Messages.*"], actoripc.GetProperty("serialization").GetProperty("allowed-types").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("20s", actoripc.GetProperty("fleet").GetProperty("defaults").GetProperty("stop-timeout").GetString());
    }

    [Fact]
    public void ConfigPrint_WithDefaults_MergesOverActorIpcsAndAkkasReferenceConfigurations()
    {
        using var dir = new TempDirectory();
        var file = dir.Write("app.conf", "actoripc.node.join-timeout = 9s\nmine = ${actoripc.node.system-name}");

        var (code, stdout, stderr) = CliRunner.Run("config", "print", "--json", "--with-defaults", file);

        Assert.True(code == 0, stderr);
        using var json = JsonDocument.Parse(stdout);
        var root = json.RootElement;
        var node = root.GetProperty("actoripc").GetProperty("node");

        // The file's value wins; ActorIpc's reference fills in the rest, and substitutions see it.
        Assert.Equal("9s", node.GetProperty("join-timeout").GetString());
        Assert.Equal("actoripc", node.GetProperty("system-name").GetString());
        Assert.Equal("actoripc", root.GetProperty("mine").GetString());

        // ActorIpc's settings of Akka's keys, resolved through its own substitutions.
        var akka = root.GetProperty("akka");
        Assert.Equal("127.0.0.1", akka.GetProperty("remote").GetProperty("dot-netty").GetProperty("tcp").GetProperty("hostname").GetString());
        Assert.Equal("cluster", akka.GetProperty("actor").GetProperty("provider").GetString());

        // Akka's own reference configurations under both: core (akka.conf) and Akka.Remote.
        var dispatcher = akka.GetProperty("actor").GetProperty("default-dispatcher");
        Assert.Equal("Dispatcher", dispatcher.GetProperty("type").GetString());
        Assert.Equal(30, dispatcher.GetProperty("throughput").GetInt32());
        Assert.True(akka.GetProperty("remote").GetProperty("dot-netty").GetProperty("tcp").GetProperty("batching").GetProperty("enabled").GetBoolean());
    }

    [Fact]
    public void ConfigPrint_WithoutDefaults_SubstitutionOfADefaultIsAnError()
    {
        using var dir = new TempDirectory();
        var file = dir.Write("app.conf", "mine = ${actoripc.node.system-name}");

        var (code, _, stderr) = CliRunner.Run("config", "print", file);

        Assert.Equal(CliApp.InvalidInput, code);
        Assert.Contains("actoripc.node.system-name", stderr, StringComparison.Ordinal);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ActorIpc.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("ActorIpc.sln not found above " + AppContext.BaseDirectory);
    }
}
