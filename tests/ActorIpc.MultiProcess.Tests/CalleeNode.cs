using System.Diagnostics;
using ActorIpc.Hosting;
using ActorIpc.TestNode.Callees;
using ActorIpc.TestNode.Messages.Calls;
using Akka.Actor;

namespace ActorIpc.MultiProcess.Tests;

/// <summary>
/// A child <c>ActorIpc.TestNode</c> process driven through its callee control
/// (<see cref="CalleeControl"/>): the test starts, deregisters and stops keyed callees there, asks
/// what that node's receptionist lists, or kills the process. Disposed, the process is gone,
/// whether it was killed or not (<see cref="TestNodeProcess"/>).
/// </summary>
public sealed class CalleeNode : IAsyncDisposable
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan ControlTimeout = TimeSpan.FromSeconds(10);

    private readonly TestNodeProcess _process;
    private readonly IActorRef _control;

    private CalleeNode(TestNodeProcess process, IActorRef control, int processId)
    {
        _process = process;
        _control = control;
        ProcessId = processId;
        Address = Address.Parse(process.Address);
    }

    /// <summary>The node's address.</summary>
    public Address Address { get; }

    /// <summary>The node's operating-system process id, as the node itself tells it.</summary>
    public int ProcessId { get; }

    /// <summary>Everything the node printed so far, for failure messages.</summary>
    public string Output => _process.Output;

    /// <summary>Starts <paramref name="count"/> nodes side by side, joined to <paramref name="parent"/>; if one fails to start, those that did are ended.</summary>
    public static async Task<CalleeNode[]> StartAsync(ActorIpcNode parent, int count)
    {
        var starting = Enumerable.Range(0, count).Select(_ => StartOneAsync(parent)).ToArray();
        try
        {
            return await Task.WhenAll(starting);
        }
        catch
        {
            foreach (var started in starting.Where(t => t.IsCompletedSuccessfully))
            {
                await started.Result.DisposeAsync();
            }

            throw;
        }
    }

    /// <summary>Starts a callee named <paramref name="name"/> in the node and registers it under <paramref name="key"/> there.</summary>
    public Task<CalleeStarted> StartCalleeAsync(string name, ServiceKey<IKeyedCall> key, CalleeMode mode, IActorRef observer) =>
        _control.Ask<CalleeStarted>(new StartCallee(name, key.Name, mode, observer), ControlTimeout);

    /// <summary>Deregisters the callee named <paramref name="name"/> from <paramref name="key"/> in the node.</summary>
    public Task DeregisterCalleeAsync(string name, ServiceKey<IKeyedCall> key) =>
        _control.Ask<CalleeDone>(new DeregisterKeyedCallee(name, key.Name), ControlTimeout);

    /// <summary>Stops the callee named <paramref name="name"/>; completes once it has stopped.</summary>
    public Task StopCalleeAsync(string name) =>
        _control.Ask<CalleeDone>(new StopCallee(name), ControlTimeout);

    /// <summary>Completes when the node's own receptionist lists <paramref name="count"/> callees under <paramref name="key"/>.</summary>
    public Task<CalleesListed> AwaitCalleesAsync(ServiceKey<IKeyedCall> key, int count) =>
        _control.Ask<CalleesListed>(new AwaitCallees(key.Name, count), ControlTimeout);

    /// <summary>
    /// Kills the process as <c>kill -9</c> does (<see cref="Process.Kill()"/> sends SIGKILL): it
    /// says no goodbye to the cluster, and the kernel closes its sockets. Returns once it is gone.
    /// </summary>
    public async Task KillAsync()
    {
        using var process = Process.GetProcessById(ProcessId);
        process.Kill();
        await process.WaitForExitAsync();
    }

    public ValueTask DisposeAsync() => _process.DisposeAsync();

    private static async Task<CalleeNode> StartOneAsync(ActorIpcNode parent)
    {
        var process = await TestNodeProcess.StartAsync(parent.Address.ToString(), extraConfig: "", ReadyTimeout);
        try
        {
            var control = await parent.System.ActorSelection($"{process.Address}/user/{CalleeControl.Name}").ResolveOne(ControlTimeout);
            var processId = await control.Ask<int>(new WhichProcess(), ControlTimeout);
            return new CalleeNode(process, control, processId);
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }
    }
}
