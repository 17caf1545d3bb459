using System.Buffers;

namespace ActorIpc.Remote.Wire;

/// <summary>
/// Writes a message payload straight into the frame being built, so a serializer needs no
/// buffer of its own. Pass a static lambda and put what it needs in <paramref name="state"/>
/// so that no closure is allocated per message.
/// </summary>
/// <typeparam name="TState">What the writer needs, typically the message and its serializer.</typeparam>
/// <param name="output">Where the payload goes; write through <c>GetSpan</c>/<c>Advance</c> as usual.</param>
/// <param name="state">The state passed to the frame writer.</param>
internal delegate void FramePayloadWriter<TState>(IBufferWriter<byte> output, TState state);
