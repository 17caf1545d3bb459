using Akka.Actor;

namespace ActorIpc;

/// <summary>
/// A node's own registrations, sent to every other node's receptionist when they change and
/// when that node comes up. A newer version from the same incarnation (<paramref name="Uid"/>)
/// replaces an older one; a new incarnation replaces whatever the address had.
/// </summary>
/// <param name="From">The sending node's address.</param>
/// <param name="Uid">The sending node's cluster incarnation.</param>
/// <param name="ProcessId">The sending node's operating-system process id, for errors that name the callee's process.</param>
/// <param name="Version">Counts the sender's changes, from 1.</param>
/// <param name="Entries">Key id to the callees registered under it on the sender.</param>
internal sealed record ReceptionistSnapshot(Address From, int Uid, int ProcessId, long Version, IReadOnlyDictionary<string, IActorRef[]> Entries);
