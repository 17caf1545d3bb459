using ActorIpc.Tests.Actors;

namespace ActorIpc.Tests;

public sealed class ActorPathTests
{
    [Theory]
    [InlineData("actoripc://shop/user/orders/order-42")]
    [InlineData("actoripc://shop/")]
    [InlineData("actoripc.tcp://shop@node1.example:4000/user/a")]
    [InlineData("actoripc.unix://shop@%2Frun%2Fa.sock/user/a")]
    public void Parse_ToString_RoundTrips(string text)
    {
        Assert.Equal(text, ActorPath.Parse(text).ToString());
    }

    [Fact]
    public void Parse_WithUid_KeepsItButEqualityIgnoresIt()
    {
        var withUid = ActorPath.Parse("actoripc://shop/user/a#42");
        var without = ActorPath.Parse("actoripc://shop/user/a");

        Assert.Equal(42, withUid.Uid);
        Assert.Equal("actoripc://shop/user/a#42", withUid.ToStringWithUid());
        Assert.Equal(without, withUid);
        Assert.Equal(without.GetHashCode(), withUid.GetHashCode());
    }

    [Fact]
    public void Elements_NameParentRootDepth_Describe()
    {
        var path = ActorPath.Parse("actoripc://shop/user/a/b");

        Assert.Equal(["user", "a", "b"], path.Elements);
        Assert.Equal("b", path.Name);
        Assert.Equal(3, path.Depth);
        Assert.Equal("/user/a/b", path.ToStringWithoutAddress());
        Assert.Equal("actoripc://shop/", path.Root.ToString());
        Assert.Equal(ActorPath.Parse("actoripc://shop/user/a"), path.Parent);
    }

    [Theory]
    [InlineData("no-scheme/user", "expected 'protocol://system/...'")]
    [InlineData("actoripc://bad name/user", "not allowed in the actor system name")]
    [InlineData("actoripc://shop@host:99999/user", "the port must be a number")]
    [InlineData("actoripc://shop/user/a#x", "the uid after '#' must be a number")]
    [InlineData("actoripc://shop/user/a b", "' ' at position 1 is not allowed")]
    public void Parse_Invalid_SaysWhy(string text, string reason)
    {
        var thrown = Assert.Throws<FormatException>(() => ActorPath.Parse(text));

        Assert.Contains(reason, thrown.Message, StringComparison.Ordinal);
        Assert.False(ActorPath.TryParse(text, out _));
    }

    public static TheoryData<string, string> InvalidNames => new()
    {
        { "", "must not be empty" },
        { "a/b", "'/' at position 1 is not allowed" },
        { "$reserved", "reserved for names the system generates" },
    };

    [Theory]
    [MemberData(nameof(InvalidNames))]
    public void ValidateActorName_Invalid_ThrowsNamingTheRule(string name, string reason) =>
        AssertNamesTheRule(Assert.Throws<InvalidActorNameException>(() => ActorName.ValidateActorName(name)), name, reason);

    [Theory]
    [MemberData(nameof(InvalidNames))]
    public async Task SystemActorOf_InvalidName_ThrowsNamingTheRule(string name, string reason)
    {
        await using var system = ActorSystem.Create("names");

        AssertNamesTheRule(Assert.Throws<InvalidActorNameException>(() => system.ActorOf(Props.Create<EchoActor>(), name)), name, reason);
    }

    [Theory]
    [MemberData(nameof(InvalidNames))]
    public async Task ContextActorOf_InvalidName_ThrowsNamingTheRule(string name, string reason)
    {
        await using var system = ActorSystem.Create("names");
        var parent = system.ActorOf(Props.Create(() => new ParentActor(SupervisorStrategy.Default)));

        // Context.ActorOf throws in the parent's handler, which fails the Ask with that exception.
        var thrown = await Assert.ThrowsAsync<InvalidActorNameException>(() => parent.Ask<IActorRef>(new CreateChild(Props.Create<EchoActor>(), name)));

        AssertNamesTheRule(thrown, name, reason);
    }

    private static void AssertNamesTheRule(InvalidActorNameException thrown, string name, string reason)
    {
        Assert.StartsWith($"invalid actor name '{name}': ", thrown.Message, StringComparison.Ordinal);
        Assert.Contains(reason, thrown.Message, StringComparison.Ordinal);
        Assert.Equal(name, thrown.Name);
    }
}
