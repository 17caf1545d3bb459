using Akka.Actor;

namespace ActorIpc;

/// <summary>The node at an address is gone (a fleet saw its process exit): drop its callees and fail the calls to them.</summary>
internal sealed record LoseAddress(Address Address, string Reason);
