using System.Collections.Concurrent;
using Xunit.Abstractions;

namespace ActorIpc.TestKit.Tests;

/// <summary>Collects what is written to a test's output; once ended, throws like xunit does after a test.</summary>
internal sealed class FakeOutput : ITestOutputHelper
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyList<string> Lines => [.. _lines];

    public bool Ended { get; set; }

    public void WriteLine(string message)
    {
        if (Ended)
        {
            throw new InvalidOperationException("There is no currently active test.");
        }

        _lines.Enqueue(message);
    }

    public void WriteLine(string format, params object[] args) => WriteLine(string.Format(System.Globalization.CultureInfo.InvariantCulture, format, args));
}
