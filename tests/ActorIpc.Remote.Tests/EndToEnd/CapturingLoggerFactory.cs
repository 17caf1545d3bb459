using ActorIpc.Remote.Tests.Transport;
using Microsoft.Extensions.Logging;

namespace ActorIpc.Remote.Tests.EndToEnd;

/// <summary>Gives every category the same <see cref="CapturingLogger"/>, so a test can await what a node logged.</summary>
internal sealed class CapturingLoggerFactory : ILoggerFactory
{
    public CapturingLogger Logger { get; } = new();

    public ILogger CreateLogger(string categoryName) => Logger;

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public void Dispose()
    {
    }
}
