using ActorIpc.TestKit;
using Microsoft.Extensions.Logging;

namespace ActorIpc.Remote.Tests.EndToEnd;

/// <summary>
/// Two systems with remoting, alpha and beta, started before each test (with the configuration
/// and loggers a subclass gives) and terminated after it, each with a test kit of its own.
/// </summary>
public abstract class TwoNodesTest : IAsyncLifetime
{
    /// <summary>How long a test waits for something that should happen at once.</summary>
    protected static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    protected ActorSystem Alpha { get; private set; } = null!;

    protected Remoting AlphaRemoting { get; private set; } = null!;

    protected ActorSystem Beta { get; private set; } = null!;

    protected Remoting BetaRemoting { get; private set; } = null!;

    /// <summary>A test kit on alpha: its test actor receives what beta's actors answer.</summary>
    protected TestKitBase AlphaKit { get; private set; } = null!;

    /// <summary>A test kit on beta.</summary>
    protected TestKitBase BetaKit { get; private set; } = null!;

    /// <summary>HOCON laid over alpha's defaults.</summary>
    protected virtual string AlphaConfig => string.Empty;

    /// <summary>HOCON laid over beta's defaults.</summary>
    protected virtual string BetaConfig => string.Empty;

    /// <summary>Alpha's logger factory, if the test reads its log.</summary>
    protected virtual ILoggerFactory? AlphaLog => null;

    /// <summary>Beta's logger factory, if the test reads its log.</summary>
    protected virtual ILoggerFactory? BetaLog => null;

    public async Task InitializeAsync()
    {
        (Alpha, AlphaRemoting) = await RemoteNodes.StartAsync("alpha", AlphaConfig, AlphaLog);
        (Beta, BetaRemoting) = await RemoteNodes.StartAsync("beta", BetaConfig, BetaLog);
        AlphaKit = new TestKitBase(Alpha);
        BetaKit = new TestKitBase(Beta);
    }

    public async Task DisposeAsync()
    {
        await Alpha.Terminate();
        await Beta.Terminate();
    }
}
