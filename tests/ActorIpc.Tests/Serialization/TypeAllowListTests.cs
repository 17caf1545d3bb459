using ActorIpc.Serialization;

namespace ActorIpc.Tests.Serialization;

public sealed class TypeAllowListTests
{
    private static readonly TypeAllowList AllowList = Create(
        "MyApp.Messages.*", "MyApp.Outer+Inner", "MyApp.Envelope`1", "System.Int32", "System.String",
        "System.Collections.Generic.List`1", "System.Collections.Generic.Dictionary`2");

    [Theory]
    [InlineData("MyApp.Messages.Order, MyApp")]
    [InlineData("MyApp.Messages.Orders.Line+Detail, MyApp")]
    [InlineData("MyApp.Outer+Inner, MyApp")]
    [InlineData("System.Int32, System.Private.CoreLib,%core%")]
    [InlineData("MyApp.Messages.Order[], MyApp")]
    [InlineData("MyApp.Messages.Order[][,], MyApp")]
    [InlineData("System.Collections.Generic.List`1[[MyApp.Messages.Order, MyApp]], System.Private.CoreLib,%core%")]
    [InlineData("MyApp.Envelope`1[[System.Collections.Generic.List`1[[MyApp.Messages.Order, MyApp]], System.Private.CoreLib,%core%]], MyApp")]
    [InlineData("System.Collections.Generic.Dictionary`2[[System.String, System.Private.CoreLib],[MyApp.Envelope`1[[System.Int32, System.Private.CoreLib]], MyApp]], System.Private.CoreLib, Version=10.0.0.0, Culture=neutral, PublicKeyToken=7cec85d7bea7798e")]
    public void IsAllowed_AllowedTypesArraysAndGenerics_Allows(string typeName)
    {
        Assert.True(AllowList.IsAllowed(typeName));
        Assert.Null(AllowList.FindRefused(typeName));
    }

    [Theory]
    [InlineData("MyApp.Secret, MyApp", "MyApp.Secret")]
    [InlineData("MyApp.Outer, MyApp", "MyApp.Outer")]
    [InlineData("MyApp.Outer+Other, MyApp", "MyApp.Outer+Other")]
    [InlineData("MyApp.MessagesX.Order, MyApp", "MyApp.MessagesX.Order")]
    [InlineData("MyApp.Secret[], MyApp", "MyApp.Secret")]
    [InlineData("System.Collections.Generic.HashSet`1[[System.Int32, System.Private.CoreLib]], System.Private.CoreLib", "System.Collections.Generic.HashSet`1")]
    [InlineData("System.Collections.Generic.List`1[[MyApp.Secret, MyApp]], System.Private.CoreLib", "MyApp.Secret")]
    [InlineData("MyApp.Envelope`1[[System.Collections.Generic.List`1[[MyApp.Secret, MyApp]], System.Private.CoreLib]], MyApp", "MyApp.Secret")]
    [InlineData("not a [type", "not a [type")]
    public void FindRefused_TypeOrPartNotAllowed_NamesThatPart(string typeName, string refused)
    {
        Assert.False(AllowList.IsAllowed(typeName));
        Assert.Equal(refused, AllowList.FindRefused(typeName));
    }

    [Fact]
    public void FindRefused_AskedTwice_ReturnsTheCachedDecision()
    {
        var list = Create("MyApp.*");

        Assert.Equal("Other.Type", list.FindRefused("Other.Type, Other"));
        Assert.Equal("Other.Type", list.FindRefused("Other.Type, Other"));
        Assert.Null(list.FindRefused("MyApp.Type, MyApp"));
    }

    [Theory]
    [InlineData("Akka.Actor.ActorRefBase+Surrogate, Akka")]
    [InlineData("System.Collections.Generic.List`1[[Akka.Actor.IActorRef, Akka]], System.Private.CoreLib,%core%")]
    [InlineData("Akka.Actor.ActorPath[], Akka")]
    [InlineData("ActorIpc.Serialization.ExceptionSurrogate, ActorIpc")]
    public void IsAllowed_AkkaSurrogatesAndTheExceptionSurrogate_AllowedWithoutConfiguration(string typeName)
    {
        var list = Create("System.Collections.Generic.*");

        Assert.True(list.IsAllowed(typeName));
    }

    [Theory]
    [InlineData("Akka.Actor.LocalActorRef, Akka")]
    [InlineData("Akka.Actor.RootActorPath, Akka")]
    [InlineData("Akka.Actor.Status+Success, Akka")]
    [InlineData("Akka.Actor.ActorRefBase+Surrogate, NotAkka")]
    [InlineData("ActorIpc.Serialization.ExceptionSurrogate, SomethingElse")]
    [InlineData("ActorIpc.Serialization.ExceptionSurrogate")]
    public void IsAllowed_ConcreteSurrogatedOrForeignLookalike_Refused(string typeName)
    {
        var list = Create("System.*");

        Assert.False(list.IsAllowed(typeName));
    }

    private static TypeAllowList Create(params string[] patterns) =>
        new(patterns.Select(p => TypePattern.TryParse(p, out var pattern, out var reason) ? pattern : throw new ArgumentException(reason)),
            AlwaysAllowedTypes.Contains);
}
