namespace ActorIpc.Hocon.Tests;

public class CommentTests
{
    [Fact]
    public void Parse_HashAndSlashComments_AreIgnored()
    {
        var json = Hocon.Json("# leading\na = 1 # trailing\n// line\nb = 2 // trailing\n");
        Assert.Equal("""{"a":1,"b":2}""", json);
    }

    [Fact]
    public void Parse_CommentMarkersInsideQuotes_AreKept()
    {
        var config = Hocon.Parse("a = \"x // y # z\"");
        Assert.Equal("x // y # z", config.GetString("a"));
    }

    [Fact]
    public void Parse_DoubleSlashEndsUnquotedText_SingleSlashDoesNot()
    {
        var config = Hocon.Parse("a = /usr/bin//comment");
        Assert.Equal("/usr/bin", config.GetString("a"));
    }

    [Fact]
    public void Parse_CommentBetweenKeyAndBrace_IsIgnored()
    {
        Assert.Equal("""{"a":{"b":1}}""", Hocon.Json("a # why\n{ b = 1 }"));
    }

    [Fact]
    public void Parse_OnlyComments_GivesEmptyConfig()
    {
        Assert.True(Hocon.Parse("# nothing\n// here\n").IsEmpty);
    }
}
