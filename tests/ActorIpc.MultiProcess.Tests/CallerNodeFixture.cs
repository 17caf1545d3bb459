using ActorIpc.Hocon;
using ActorIpc.Hosting;
using ActorIpc.TestNode;

namespace ActorIpc.MultiProcess.Tests;

/// <summary>
/// This test process as the seed node of a cluster whose other nodes are <see cref="CalleeNode"/>
/// children: the caller of the cross-process receptionist and invoker tests. Its keys' settings
/// are <see cref="InvokerKeys"/>.
/// </summary>
public class CallerNodeFixture : IAsyncLifetime
{
    /// <summary>The key whose calls may be sent again to another callee (<c>idempotent = on</c>).</summary>
    public const string IdempotentKey = "idempotent";

    private const string InvokerKeys = $$"""
        actoripc.invoker.keys {
          {{IdempotentKey}} { idempotent = on, tries = 2 }
        }
        """;

    private ActorIpcNode? _parent;

    public ActorIpcNode Parent => _parent ?? throw new InvalidOperationException("the fixture has not started");

    public virtual async Task InitializeAsync()
    {
        var config = ConfigFactory.ParseString(TestNodeConfig.Defaults + "\n" + InvokerKeys, new ConfigParseOptions { Resolve = false, OriginName = "caller" });
        _parent = await ActorIpcNode.StartAsync(new NodeOptions { Config = config });
    }

    public virtual async Task DisposeAsync()
    {
        if (_parent is not null)
        {
            await _parent.DisposeAsync();
            _parent = null;
        }
    }
}
