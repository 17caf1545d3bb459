using ActorIpc.Serialization;

namespace ActorIpc.Tests.Serialization;

public sealed class TypePatternTests
{
    [Theory]
    [InlineData("MyApp.Messages.Order", "MyApp.Messages.Order", true)]
    [InlineData("MyApp.Messages.Order", "MyApp.Messages.OrderLine", false)]
    [InlineData("MyApp.Messages.Order", "MyApp.Messages.Order+Line", false)]
    [InlineData("MyApp.Outer+Inner", "MyApp.Outer+Inner", true)]
    [InlineData("MyApp.Messages.*", "MyApp.Messages.Order", true)]
    [InlineData("MyApp.Messages.*", "MyApp.Messages.Orders.Line", true)]
    [InlineData("MyApp.Messages.*", "MyApp.Messages.Order+Line", true)]
    [InlineData("MyApp.Messages.*", "MyApp.Messages", false)]
    [InlineData("MyApp.Messages.*", "MyApp.MessagesX.Order", false)]
    [InlineData("System.Collections.Generic.List`1", "System.Collections.Generic.List`1", true)]
    public void Matches_Name_FollowsExactAndNamespaceRules(string pattern, string name, bool expected)
    {
        Assert.True(TypePattern.TryParse(pattern, out var parsed, out _));

        Assert.Equal(expected, parsed.Matches(name));
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("   ", "empty")]
    [InlineData("My App.Order", "whitespace")]
    [InlineData("MyApp.Order ", "whitespace")]
    [InlineData("*", "every type")]
    [InlineData(".*", "every type")]
    [InlineData("MyApp*", "trailing '.*'")]
    [InlineData("MyApp.*.Messages", "trailing '.*'")]
    [InlineData("*.Messages", "trailing '.*'")]
    [InlineData("MyApp.Outer+*", "trailing '.*'")]
    [InlineData("System.Collections.Generic.List<int>", "not a full type name")]
    [InlineData("MyApp.Order, MyApp", "not a full type name")]
    [InlineData("System.Collections.Generic.List`1[[System.Int32]]", "not a full type name")]
    [InlineData("MyApp..Order", "empty part")]
    [InlineData(".MyApp.Order", "empty part")]
    [InlineData("MyApp.Order.", "empty part")]
    public void TryParse_BadPattern_SaysWhy(string pattern, string reason)
    {
        Assert.False(TypePattern.TryParse(pattern, out var parsed, out var why));

        Assert.Null(parsed);
        Assert.Contains(reason, why, StringComparison.Ordinal);
    }
}
