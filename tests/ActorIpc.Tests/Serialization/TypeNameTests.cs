using System.Collections.Immutable;
using ActorIpc.Serialization;

namespace ActorIpc.Tests.Serialization;

public sealed class TypeNameTests
{
    [Fact]
    public void Parse_HyperionShortName_ReadsNameAndAssembly()
    {
        var name = TypeName.Parse("MyApp.Messages.Order, MyApp");

        Assert.Equal("MyApp.Messages.Order", name.Name);
        Assert.Equal("MyApp", name.Assembly);
        Assert.Empty(name.GenericArguments);
        Assert.Empty(name.ArrayRanks);
    }

    [Fact]
    public void Parse_CoreLibraryMarker_ReadsTheSimpleAssemblyName()
    {
        var name = TypeName.Parse("System.Int32, System.Private.CoreLib,%core%");

        Assert.Equal("System.Int32", name.Name);
        Assert.Equal("System.Private.CoreLib", name.Assembly);
    }

    [Fact]
    public void Parse_AssemblyQualifiedName_DropsVersionCultureAndKey()
    {
        var name = TypeName.Parse(typeof(List<int>).AssemblyQualifiedName!);

        Assert.Equal("System.Collections.Generic.List`1", name.Name);
        Assert.Equal("System.Private.CoreLib", name.Assembly);
        var argument = Assert.Single(name.GenericArguments);
        Assert.Equal("System.Int32", argument.Name);
        Assert.Equal("System.Private.CoreLib", argument.Assembly);
    }

    [Fact]
    public void Parse_NestedType_KeepsThePlus()
    {
        var name = TypeName.Parse("MyApp.Outer+Inner, MyApp");

        Assert.Equal("MyApp.Outer+Inner", name.Name);
    }

    [Fact]
    public void Parse_GenericsNestedTwoDeep_ReadsEveryArgumentAndAssembly()
    {
        var name = TypeName.Parse("MyApp.Gen`1[[MyApp.Gen`1[[MyApp.Rec, MyApp]], MyApp]], MyApp");

        var middle = Assert.Single(name.GenericArguments);
        Assert.Equal("MyApp.Gen`1", middle.Name);
        Assert.Equal("MyApp", middle.Assembly);
        var inner = Assert.Single(middle.GenericArguments);
        Assert.Equal("MyApp.Rec", inner.Name);
        Assert.Equal("MyApp", inner.Assembly);
    }

    [Fact]
    public void Parse_TwoArgumentsWithCoreMarkers_ReadsBoth()
    {
        var name = TypeName.Parse(
            "System.Collections.Immutable.ImmutableDictionary`2[[System.String, System.Private.CoreLib,%core%],[MyApp.Rec, MyApp]], System.Collections.Immutable");

        Assert.Equal("System.Collections.Immutable", name.Assembly);
        Assert.Equal(["System.String", "MyApp.Rec"], name.GenericArguments.Select(a => a.Name));
        Assert.Equal(["System.Private.CoreLib", "MyApp"], name.GenericArguments.Select(a => a.Assembly));
    }

    [Fact]
    public void Parse_ArrayOfGeneric_ReadsArgumentsThenRank()
    {
        var name = TypeName.Parse("MyApp.Gen`1[[MyApp.Rec, MyApp]][], MyApp");

        Assert.Equal("MyApp.Gen`1", name.Name);
        Assert.Equal("MyApp.Rec", Assert.Single(name.GenericArguments).Name);
        Assert.Equal([1], name.ArrayRanks);
        Assert.Equal("MyApp", name.Assembly);
    }

    [Theory]
    [InlineData("MyApp.Rec[][], MyApp", new[] { 1, 1 })]
    [InlineData("System.Int32[,], System.Private.CoreLib,%core%", new[] { 2 })]
    [InlineData("System.Int32[*], System.Private.CoreLib", new[] { 1 })]
    [InlineData("System.Int32[][,,]", new[] { 1, 3 })]
    public void Parse_Arrays_ReadsEveryRank(string text, int[] ranks)
    {
        var name = TypeName.Parse(text);

        Assert.Empty(name.GenericArguments);
        Assert.Equal(ranks, name.ArrayRanks);
    }

    [Fact]
    public void Parse_BareNameWithSingleBracketArguments_ReadsArgumentsWithoutAssemblies()
    {
        var name = TypeName.Parse("System.Collections.Generic.Dictionary`2[System.String,System.Collections.Generic.List`1[MyApp.Rec]]");

        Assert.Null(name.Assembly);
        Assert.Equal("System.String", name.GenericArguments[0].Name);
        Assert.Equal("MyApp.Rec", Assert.Single(name.GenericArguments[1].GenericArguments).Name);
    }

    [Fact]
    public void Parse_NestedGenericInsideGeneric_CountsTheArityOfEveryLevel()
    {
        var name = TypeName.Parse("MyApp.Outer`1+Inner`1[[System.Int32, System.Private.CoreLib],[System.String, System.Private.CoreLib]], MyApp");

        Assert.Equal("MyApp.Outer`1+Inner`1", name.Name);
        Assert.Equal(2, name.GenericArguments.Count);
    }

    [Theory]
    [InlineData(typeof(int))]
    [InlineData(typeof(List<int>))]
    [InlineData(typeof(Dictionary<string, List<Guid>>))]
    [InlineData(typeof(ImmutableDictionary<string, ImmutableList<decimal[]>>))]
    [InlineData(typeof(int[,][]))]
    [InlineData(typeof(KeyValuePair<int, string>[]))]
    [InlineData(typeof(Nested.Inner))]
    [InlineData(typeof(Nested.Generic<Nested.Inner>))]
    public void Parse_AssemblyQualifiedNamesOfRealTypes_PrintsAsTypeToString(Type type)
    {
        Assert.Equal(type.ToString(), TypeName.Parse(type.AssemblyQualifiedName!).ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(", MyApp")]
    [InlineData("MyApp.Rec, ")]
    [InlineData("System.Collections.Generic.List`1[[MyApp.Rec, MyApp]")]
    [InlineData("System.Collections.Generic.List`1[[MyApp.Rec, MyApp]]]")]
    [InlineData("System.Collections.Generic.List`2[[MyApp.Rec, MyApp]]")]
    [InlineData("System.Collections.Generic.List`x[[MyApp.Rec, MyApp]]")]
    [InlineData("MyApp.Rec*, MyApp")]
    [InlineData("MyApp.Rec&, MyApp")]
    [InlineData("MyApp.Re\\+c, MyApp")]
    [InlineData("MyApp.Rec[, MyApp")]
    [InlineData("MyApp.Rec, My[App")]
    public void Parse_NotATypeName_ThrowsFormatException(string text)
    {
        Assert.Throws<FormatException>(() => TypeName.Parse(text));
        Assert.False(TypeName.TryParse(text, out _));
    }

    [Fact]
    public void Parse_ArgumentsNestedBeyondTheBound_ThrowsFormatException()
    {
        var text = "System.Int32";
        for (var i = 0; i < 40; i++)
        {
            text = $"MyApp.Box`1[{text}]";
        }

        var error = Assert.Throws<FormatException>(() => TypeName.Parse(text));
        Assert.Contains("nested deeper", error.Message, StringComparison.Ordinal);
    }

    public static class Nested
    {
        public sealed class Inner;

        public sealed class Generic<T>;
    }
}
