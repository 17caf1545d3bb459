namespace ActorIpc;

/// <summary>
/// A message for the subscribers of a topic, as it travels to a node's messenger. Sent by this
/// node, <see cref="Message"/> is the caller's object; arrived from another node, it is a
/// <see cref="SerializedMessage"/> that the messenger reads only if the node has subscribers of
/// the topic, so that a node without them never needs to allow the message's type.
/// </summary>
/// <param name="Topic">The topic.</param>
/// <param name="Mode">Every subscriber of the topic on the node, or one.</param>
/// <param name="Message">The caller's message, or its serialized form.</param>
internal sealed record Delivery(string Topic, DeliveryMode Mode, object Message);
