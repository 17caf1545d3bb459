using ActorIpc.Hosting;
using ActorIpc.Tests.Shared;

namespace ActorIpc.Tests;

public sealed class PublicApiTests
{
    [Fact]
    public void PublicApi_MatchesTheCheckedInListing()
    {
        PublicApiListing.AssertMatchesCheckedInListing(typeof(ActorIpcNode).Assembly);
    }
}
