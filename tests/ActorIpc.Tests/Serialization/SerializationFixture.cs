using ActorIpc.Configuration;
using Akka.Actor;

namespace ActorIpc.Tests.Serialization;

/// <summary>
/// Two local actor systems configured like nodes: <see cref="System"/> allows the test messages and
/// errors, <see cref="Permissive"/> also the hidden types, so that it can write what the first refuses.
/// </summary>
public sealed class SerializationFixture : IAsyncLifetime
{
    public const string AllowTestTypes = """
        akka.actor.provider = local
        akka.loglevel = WARNING
        actoripc.serialization {
          allowed-types += "ActorIpc.Tests.Serialization.Messages.*"
          exception-types += "ActorIpc.Tests.Serialization.Errors.*"
        }
        """;

    public const string AllowHiddenTypes = """
        actoripc.serialization.allowed-types += "ActorIpc.Tests.Serialization.Hidden.*"
        """;

    public ActorSystem System { get; } = ActorSystem.Create("serialization", CreateConfig());

    public ActorSystem Permissive { get; } = ActorSystem.Create("permissive", CreateConfig(AllowHiddenTypes));

    public static Akka.Configuration.Config CreateConfig(string extra = "") =>
        ActorIpcConfig.Parse(AllowTestTypes + "\n" + extra, "test.conf").ToAkkaConfig();

    /// <summary>Serializes <paramref name="message"/> in <paramref name="from"/> (default: <see cref="System"/>) and deserializes it in <see cref="System"/>, as Akka.Remote does.</summary>
    public T RoundTrip<T>(object message, ActorSystem? from = null)
    {
        var (bytes, serializerId, manifest) = Serialize(message, from ?? System);
        return Assert.IsAssignableFrom<T>(System.Serialization.Deserialize(bytes, serializerId, manifest));
    }

    /// <summary>What Akka.Remote puts on the wire for <paramref name="message"/> in <paramref name="from"/>.</summary>
    public static (byte[] Bytes, int SerializerId, string Manifest) Serialize(object message, ActorSystem from)
    {
        var serializer = from.Serialization.FindSerializerFor(message);
        return (serializer.ToBinary(message), serializer.Identifier, Akka.Serialization.Serialization.ManifestFor(serializer, message));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await System.Terminate();
        await Permissive.Terminate();
    }
}
