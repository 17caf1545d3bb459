using System.Diagnostics;
using ActorIpc.Remote.Transport;

namespace ActorIpc.Remote.Tests.Transport;

/// <summary>When a read thread polls its socket before it sleeps (<c>read-thread-spin</c>).</summary>
public sealed class ReceiveSpinTests
{
    private static readonly long Spin = Ticks(TimeSpan.FromMicroseconds(100));

    [Fact]
    public void FirstWait_Sleeps()
    {
        Assert.False(new ReceiveSpin(TimeSpan.FromMicroseconds(100)).ShouldSpin);
    }

    [Fact]
    public void BytesThatCameWithinTheSpin_MakeTheNextWaitSpin()
    {
        var spin = new ReceiveSpin(TimeSpan.FromMicroseconds(100));

        spin.Waited(Spin);

        Assert.True(spin.ShouldSpin);
    }

    [Fact]
    public void BytesThatCameLater_MakeTheNextWaitSleep_UntilBytesComeSoonAgain()
    {
        var spin = new ReceiveSpin(TimeSpan.FromMicroseconds(100));
        spin.Waited(Spin / 2);

        spin.Waited(Spin + 1);
        Assert.False(spin.ShouldSpin);

        spin.Waited(Spin / 2);
        Assert.True(spin.ShouldSpin);
    }

    [Fact]
    public void Zero_NeverSpins()
    {
        var spin = new ReceiveSpin(TimeSpan.Zero);

        spin.Waited(0);

        Assert.False(spin.ShouldSpin);
    }

    [Fact]
    public void Deadline_IsTheSpinAfterTheStart()
    {
        var start = Stopwatch.GetTimestamp();

        Assert.Equal(start + Spin, new ReceiveSpin(TimeSpan.FromMicroseconds(100)).Deadline(start));
    }

    [Fact]
    public void NegativeSpin_IsRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ReceiveSpin(TimeSpan.FromTicks(-1)));
    }

    private static long Ticks(TimeSpan duration) => (long)(duration.TotalSeconds * Stopwatch.Frequency);
}
