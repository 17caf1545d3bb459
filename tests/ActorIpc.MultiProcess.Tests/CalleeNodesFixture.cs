namespace ActorIpc.MultiProcess.Tests;

/// <summary>
/// The caller (this process) and two <see cref="CalleeNode"/> children, <see cref="A"/> and
/// <see cref="B"/>, shared by every test of <see cref="CalleeNodesCollection"/>: none of them
/// kills a child, and each uses keys and callee names of its own.
/// </summary>
public sealed class CalleeNodesFixture : CallerNodeFixture
{
    private CalleeNode[] _children = [];

    public CalleeNode A => _children.Length == 2 ? _children[0] : throw new InvalidOperationException("the fixture has not started");

    public CalleeNode B => _children.Length == 2 ? _children[1] : throw new InvalidOperationException("the fixture has not started");

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        try
        {
            _children = await CalleeNode.StartAsync(Parent, 2);
        }
        catch
        {
            await base.DisposeAsync();
            throw;
        }
    }

    public override async Task DisposeAsync()
    {
        // The children first: they leave the cluster while their seed is still there to see them go.
        foreach (var child in _children)
        {
            await child.DisposeAsync();
        }

        _children = [];
        await base.DisposeAsync();
    }
}
