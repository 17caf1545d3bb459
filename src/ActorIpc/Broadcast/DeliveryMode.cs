namespace ActorIpc;

/// <summary>Whom a <see cref="Delivery"/> is for on the node it reaches.</summary>
internal enum DeliveryMode : byte
{
    /// <summary>Every subscriber of the topic there (<see cref="Messenger.Broadcast"/>).</summary>
    All = 0,

    /// <summary>One subscriber of the topic there, chosen at random (<see cref="Messenger.SendToOne"/>).</summary>
    One = 1,
}
