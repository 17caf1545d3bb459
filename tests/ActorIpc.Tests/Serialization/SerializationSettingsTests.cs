using ActorIpc.Configuration;
using ActorIpc.Hocon;
using ActorIpc.Hosting;
using ActorIpc.Serialization;
using ActorIpc.Tests.Shared;

namespace ActorIpc.Tests.Serialization;

public sealed class SerializationSettingsTests
{
    private const string AllowedTypes = "actoripc.serialization.allowed-types";

    [Fact]
    public void Create_Defaults_AllowSystemExceptionsAndNoUserTypes()
    {
        var settings = SerializationSettings.Create(ActorIpcConfig.Parse(""));

        Assert.Empty(settings.AllowedTypes);
        Assert.Contains(settings.SystemTypes, pattern => pattern.Text == "System.Collections.Immutable.*");
        Assert.Equal(["System.*", "Akka.*"], settings.ExceptionTypes.Select(pattern => pattern.Text));
    }

    [Fact]
    public void Create_AkkaConfigWithoutTheSection_UsesActorIpcsDefaults()
    {
        var settings = SerializationSettings.Create(Akka.Configuration.ConfigurationFactory.Empty);

        var defaults = SerializationSettings.Create(ActorIpcConfig.Parse(""));
        Assert.Equal(Texts(defaults.AllowedTypes), Texts(settings.AllowedTypes));
        Assert.Equal(Texts(defaults.SystemTypes), Texts(settings.SystemTypes));
        Assert.Equal(Texts(defaults.ExceptionTypes), Texts(settings.ExceptionTypes));
    }

    [Fact]
    public void Create_AkkaConfigOfANode_ReadsTheSameLists()
    {
        var config = ActorIpcConfig.Parse($"{AllowedTypes} += \"MyApp.Messages.*\"");

        var fromAkka = SerializationSettings.Create(config.ToAkkaConfig());

        Assert.Equal(["MyApp.Messages.*"], fromAkka.AllowedTypes.Select(pattern => pattern.Text));
        Assert.Equal(Texts(SerializationSettings.Create(config).SystemTypes), Texts(fromAkka.SystemTypes));
    }

    [Fact]
    public void Create_BadPatternInAFile_ThrowsWithFileLineColumnPathAndReason()
    {
        using var scratch = new ScratchDirectory();
        var file = scratch.File("node.conf");
        File.WriteAllText(file, $"# a node\n{AllowedTypes} += \"MyApp.*.Messages\"\n");

        var error = Assert.Throws<HoconException>(() => SerializationSettings.Create(ActorIpcConfig.Load(file)));

        Assert.EndsWith("node.conf", error.Origin, StringComparison.Ordinal);
        Assert.Equal(2, error.Line);
        Assert.Equal(AllowedTypes.Length + 5, error.Column);
        Assert.Equal(AllowedTypes, error.Path);
        Assert.Contains("trailing '.*'", error.Reason, StringComparison.Ordinal);
        Assert.Contains($"{AllowedTypes}[0] ({error.Origin}:2:{error.Column})", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("actoripc.serialization.exception-types = [ \"System.*\", \"\" ]", "actoripc.serialization.exception-types", "empty")]
    [InlineData("actoripc.serialization.system-types = [ \"System.Int32\", \"System. Int64\" ]", "actoripc.serialization.system-types", "whitespace")]
    [InlineData("actoripc.serialization.allowed-types = [ \"*\" ]", AllowedTypes, "every type")]
    public void Create_BadPatternInAnyList_NamesThatList(string hocon, string path, string reason)
    {
        var error = Assert.Throws<HoconException>(() => SerializationSettings.Create(ActorIpcConfig.Parse(hocon, "user.conf")));

        Assert.Equal(path, error.Path);
        Assert.Equal("user.conf", error.Origin);
        Assert.Equal(1, error.Line);
        Assert.Contains(reason, error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_BadPatternInAkkaConfig_ThrowsConfigurationException()
    {
        var config = Akka.Configuration.ConfigurationFactory.ParseString($"{AllowedTypes} = [ \"My App.*\" ]");

        var error = Assert.Throws<Akka.Configuration.ConfigurationException>(() => SerializationSettings.Create(config));

        Assert.Contains($"{AllowedTypes}[0]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_BadPattern_FailsBeforeTheActorSystemStarts()
    {
        var options = new NodeOptions
        {
            Config = ConfigFactory.ParseString($"{AllowedTypes} += \"MyApp.Messages*\"", new ConfigParseOptions { Resolve = false, OriginName = "options" }),
        };

        var error = await Assert.ThrowsAsync<HoconException>(() => ActorIpcNode.StartAsync(options));

        Assert.Equal(AllowedTypes, error.Path);
        Assert.Equal("options", error.Origin);
    }

    private static IEnumerable<string> Texts(IEnumerable<TypePattern> patterns) => patterns.Select(pattern => pattern.Text);
}
