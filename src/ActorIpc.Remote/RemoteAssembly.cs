namespace ActorIpc.Remote;

/// <summary>Marks the ActorIpc.Remote assembly (for reflection and for resource lookups).</summary>
internal static class RemoteAssembly
{
}
