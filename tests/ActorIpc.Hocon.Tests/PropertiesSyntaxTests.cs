namespace ActorIpc.Hocon.Tests;

/// <summary>
/// The java.util.Properties syntax of included .properties files and its mapping to objects
/// (HOCON spec, "Java properties mapping").
/// </summary>
public sealed class PropertiesSyntaxTests : IDisposable
{
    private static readonly ConfigParseOptions NoEnvironment = new() { UseEnvironment = false };
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private Config Properties(string text) => ConfigFactory.ParseFile(_dir.Write("p.properties", text), NoEnvironment);

    [Fact]
    public void Parse_CommentsAndBlankLines_AreSkipped()
    {
        var config = Properties("# hash comment\n! bang comment\n\n   \n  # indented comment \\\nkey = value\n");
        Assert.Equal("""{"key":"value"}""", config.ToJson(false));
    }

    [Theory]
    [InlineData("k=v")]
    [InlineData("k = v")]
    [InlineData("k:v")]
    [InlineData("k : v")]
    [InlineData("k v")]
    [InlineData("   k\t=\tv")]
    [InlineData("k \t v")]
    public void Parse_Separators_AllGiveTheSameEntry(string line)
    {
        Assert.Equal("v", Properties(line).GetString("k"));
    }

    [Fact]
    public void Parse_Value_KeepsTrailingWhitespaceAndLaterSeparators()
    {
        var config = Properties("k = a = b : c  \n");
        Assert.Equal("a = b : c  ", config.GetString("k"));
    }

    [Fact]
    public void Parse_LineContinuation_JoinsWithoutLeadingWhitespace()
    {
        var config = Properties("fruits = apple, \\\n         banana, \\\r\n   cherry\nnext = 1\n");
        Assert.Equal("apple, banana, cherry", config.GetString("fruits"));
        Assert.Equal("1", config.GetString("next"));
    }

    [Fact]
    public void Parse_EvenBackslashesAtEnd_DoNotContinue()
    {
        var config = Properties("a = x\\\\\nb = y\n");
        Assert.Equal("x\\", config.GetString("a"));
        Assert.Equal("y", config.GetString("b"));
    }

    [Fact]
    public void Parse_Escapes_AreDecodedInKeysAndValues()
    {
        var config = Properties("tab = a\\tb\\nc\\rd\\fe\nuni = \\u0041\\u00e9\nkey\\ with\\ spaces = 1\nk\\=q\\:r = 2\nplain = \\x\\#\n");
        Assert.Equal("a\tb\nc\rd\fe", config.GetString("tab"));
        Assert.Equal("Aé", config.GetString("uni"));
        Assert.Equal("1", config.GetString("\"key with spaces\""));
        Assert.Equal("2", config.GetString("\"k=q:r\""));
        Assert.Equal("x#", config.GetString("plain"));
    }

    [Fact]
    public void Parse_MalformedUnicodeEscape_ThrowsWithPosition()
    {
        var error = Assert.Throws<HoconException>(() => Properties("ok = 1\n  bad = \\u12G4\n"));
        Assert.Equal("malformed \\uXXXX escape in a properties file: \\u must be followed by four hexadecimal digits", error.Reason);
        Assert.Equal(2, error.Line);
        Assert.Equal(3, error.Column);
        Assert.EndsWith("p.properties", error.Origin);
    }

    [Fact]
    public void Parse_DottedKeys_ArePathsAndValuesAreStrings()
    {
        var config = Properties("a.b.c = 1\na.b.d = true\nx = 2.5\n");
        Assert.Equal("""{"a":{"b":{"c":"1","d":"true"}},"x":"2.5"}""", config.ToJson(false));
        Assert.Equal(1, config.GetInt("a.b.c"));
        Assert.True(config.GetBoolean("a.b.d"));
    }

    [Fact]
    public void Parse_EmptyPathElements_AreKept()
    {
        var config = Properties(".a = 1\nb..c = 2\nd. = 3\n");
        Assert.Equal("""{"":{"a":"1"},"b":{"":{"c":"2"}},"d":{"":"3"}}""", config.ToJson(false));
    }

    [Theory]
    [InlineData("a = 1\na.b = 2\n")]
    [InlineData("a.b = 2\na = 1\n")]
    public void Parse_KeyBothValueAndParent_ObjectWinsWhateverTheOrder(string text)
    {
        Assert.Equal("""{"a":{"b":"2"}}""", Properties(text).ToJson(false));
    }

    [Fact]
    public void Parse_RepeatedKey_LastValueWins()
    {
        Assert.Equal("second", Properties("k = first\nk = second\n").GetString("k"));
    }

    [Fact]
    public void Parse_EmptyValueAndKeyOnly_GiveEmptyStrings()
    {
        var config = Properties("empty =\nalone\n");
        Assert.Equal(string.Empty, config.GetString("empty"));
        Assert.Equal(string.Empty, config.GetString("alone"));
    }

    [Fact]
    public void Include_PropertiesAtIncludePoint_NestsUnderThePrefix()
    {
        _dir.Write("db.properties", "host = h\nport = 1\n");
        string main = _dir.Write("main.conf", "db { include \"db.properties\"\nport = 2 }");
        var config = ConfigFactory.ParseFile(main, NoEnvironment);
        Assert.Equal("""{"db":{"host":"h","port":2}}""", config.ToJson(false));
    }
}
