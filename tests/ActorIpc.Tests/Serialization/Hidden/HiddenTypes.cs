namespace ActorIpc.Tests.Serialization.Hidden;

// Not allowed in the test system: refused as messages, RemoteException as exceptions.
public static class HiddenTypes
{
    public sealed record Secret(string Text);

    public sealed class VaultSealedException(string message, Exception? inner = null) : Exception(message, inner)
    {
        public int Level { get; init; }

        public string? Vault { get; init; }

        public Secret? Detail { get; init; }
    }
}
