using System.Reflection;
using ActorIpc.Tests.Shared;

namespace ActorIpc.TestKit.Tests;

public sealed class PublicApiTests
{
    [Theory]
    [InlineData("ActorIpc.TestKit")]
    [InlineData("ActorIpc.TestKit.Xunit2")]
    public void PublicApi_MatchesTheCheckedInListing(string assemblyName)
    {
        PublicApiListing.AssertMatchesCheckedInListing(Library(assemblyName));
    }

    private static Assembly Library(string assemblyName) => assemblyName switch
    {
        "ActorIpc.TestKit" => typeof(TestProbe).Assembly,
        "ActorIpc.TestKit.Xunit2" => typeof(Xunit2.TestKit).Assembly,
        _ => throw new ArgumentOutOfRangeException(nameof(assemblyName), assemblyName, "Not a TestKit library."),
    };
}
