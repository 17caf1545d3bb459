using System.Diagnostics;
using ActorIpc.FleetChild;
using Xunit.Abstractions;

namespace ActorIpc.MultiProcess.Tests;

/// <summary>
/// A parent process running a fleet is killed with SIGKILL: no child may outlive it, whether the
/// kernel kills them (setpriv's parent-death signal) or they end on their own when their standard
/// input closes with the parent.
/// </summary>
public sealed class FleetOrphanTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    /// <summary>Long enough for a child that has to notice, leave and abort (1 s) and exit; far shorter than any orphan lives.</summary>
    private static readonly TimeSpan Gone = TimeSpan.FromSeconds(15);

    [Theory]
    [InlineData("on")]
    [InlineData("off")]
    public async Task ParentKilledWithSigKill_NoChildOutlivesIt(string killWithParent)
    {
        var topology = $$"""
            actoripc.fleet.kill-with-parent = {{killWithParent}}
            actoripc.processes.echo {
              program = "ActorIpc.FleetChild.dll"
              arguments = [ serve ]
              replicas = 2
              keys = [ {{ChildConfig.EchoKey}} ]
              environment { {{ChildConfig.ConfigVariable}} = "actoripc.node.supervised.shutdown-timeout = 1s" }
            }
            """;
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            Environment = { [ChildConfig.ConfigVariable] = topology },
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "ActorIpc.FleetChild.dll"));
        start.ArgumentList.Add("parent");

        using var parent = Process.Start(start)!;
        var children = new List<int>();
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        parent.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                ready.TrySetException(new InvalidOperationException("the parent ended before its fleet was ready"));
            }
            else if (e.Data.StartsWith(ChildConfig.ChildPrefix, StringComparison.Ordinal))
            {
                lock (children)
                {
                    children.Add(int.Parse(e.Data[ChildConfig.ChildPrefix.Length..], System.Globalization.CultureInfo.InvariantCulture));
                }
            }
            else if (e.Data == ChildConfig.FleetReady)
            {
                ready.TrySetResult();
            }
        };
        parent.ErrorDataReceived += (_, e) => { };
        parent.BeginOutputReadLine();
        parent.BeginErrorReadLine();
        try
        {
            await ready.Task.WaitAsync(Patience);
            Assert.Equal(2, children.Count);
            Assert.All(children, pid => Assert.Equal(parent.Id, OsProcess.ParentOf(pid)));

            var killed = Stopwatch.GetTimestamp();
            parent.Kill();
            await parent.WaitForExitAsync();

            var ended = await Task.WhenAll(children.Select(pid => OsProcess.WaitForExitAsync(pid, Gone)));
            var after = Stopwatch.GetElapsedTime(killed);
            output.WriteLine($"kill-with-parent = {killWithParent}: both children gone {after.TotalMilliseconds:0} ms after the parent was killed");
            Assert.All(ended, Assert.True);
        }
        finally
        {
            if (!parent.HasExited)
            {
                parent.Kill(entireProcessTree: true);
            }

            foreach (var child in children.Where(OsProcess.IsAlive))
            {
                OsProcess.Signal(child, OsProcess.SigKill);
            }
        }
    }
}
