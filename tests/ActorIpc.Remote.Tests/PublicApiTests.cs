namespace ActorIpc.Remote.Tests;

public sealed class PublicApiTests
{
    [Fact]
    public void PublicApi_MatchesTheCheckedInListing()
    {
        PublicApiListing.AssertMatchesCheckedInListing(typeof(Remoting).Assembly);
    }
}
