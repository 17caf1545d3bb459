using Microsoft.Extensions.Logging;

namespace ActorIpc.TestKit.Xunit2;

/// <summary>
/// The smallest logger factory over an <see cref="XunitLoggerProvider"/>, so the TestKit needs
/// only the logging abstractions, not the Microsoft.Extensions.Logging package.
/// </summary>
internal sealed class XunitLoggerFactory(XunitLoggerProvider provider) : ILoggerFactory
{
    public ILogger CreateLogger(string categoryName) => provider.CreateLogger(categoryName);

    public void AddProvider(ILoggerProvider provider) =>
        throw new NotSupportedException("The TestKit's logger factory writes to the test output only; pass your own ILoggerFactory to TestKitBase to log elsewhere.");

    public void Dispose() => provider.Dispose();
}
