using System.Text;

namespace ActorIpc.Cli.Tests;

/// <summary>A writer that keeps what is written and tells when the first line has come: a command that goes on printing can be awaited to have started.</summary>
internal sealed class FirstLineWriter : TextWriter
{
    private readonly StringBuilder _text = new();
    private readonly TaskCompletionSource _firstLine = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public override Encoding Encoding => Encoding.UTF8;

    public Task FirstLine => _firstLine.Task;

    public override void Write(char value)
    {
        lock (_text)
        {
            _text.Append(value);
        }

        if (value == '\n')
        {
            _firstLine.TrySetResult();
        }
    }

    public override string ToString()
    {
        lock (_text)
        {
            return _text.ToString();
        }
    }
}
