namespace ActorIpc.Tests.Processes;

public sealed class BackoffTests
{
    private static readonly RestartPolicy Policy = new(TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(1), 0.5, 5, TimeSpan.FromMinutes(1));

    [Theory]
    [InlineData(0, 100)]
    [InlineData(1, 200)]
    [InlineData(2, 400)]
    [InlineData(3, 800)]
    [InlineData(4, 1000)]
    [InlineData(100, 1000)]
    [InlineData(int.MaxValue, 1000)]
    public void Delay_WithoutJitter_DoublesWithEachRecentRestartUpToTheCap(int recent, int milliseconds)
    {
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), Backoff.Delay(Policy, recent, random: 0));
    }

    [Fact]
    public void Delay_Jitter_AddsUpToTheRandomFactorOfTheWait()
    {
        Assert.Equal(TimeSpan.FromMilliseconds(150), Backoff.Delay(Policy, 0, random: 1));
        Assert.Equal(TimeSpan.FromMilliseconds(300), Backoff.Delay(Policy, 1, random: 1));
        Assert.Equal(TimeSpan.FromMilliseconds(1250), Backoff.Delay(Policy, 9, random: 0.5));
    }

    [Fact]
    public void Delay_NoMinimum_RestartsAtOnce()
    {
        Assert.Equal(TimeSpan.Zero, Backoff.Delay(Policy with { MinBackoff = TimeSpan.Zero }, 3, random: 0.9));
    }

    [Fact]
    public void RestartWindow_CountsOnlyTheRestartsWithinTheWindow()
    {
        var window = new RestartWindow(TimeSpan.FromSeconds(10));
        var start = DateTimeOffset.UnixEpoch;

        window.Add(start);
        window.Add(start.AddSeconds(4));
        window.Add(start.AddSeconds(8));

        Assert.Equal(3, window.Count(start.AddSeconds(9)));
        Assert.Equal(2, window.Count(start.AddSeconds(10)));
        Assert.Equal(0, window.Count(start.AddSeconds(30)));
    }
}
