using ActorIpc.Tests.Shared;

namespace ActorIpc.Hocon.Tests;

public sealed class PublicApiTests
{
    [Fact]
    public void PublicApi_MatchesTheCheckedInListing()
    {
        PublicApiListing.AssertMatchesCheckedInListing(typeof(Config).Assembly);
    }
}
