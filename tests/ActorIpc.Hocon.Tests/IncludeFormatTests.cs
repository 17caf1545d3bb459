namespace ActorIpc.Hocon.Tests;

/// <summary>
/// Includes of other formats: a name without extension loads every one of name.conf, name.json and
/// name.properties that exists, .conf over .json over .properties (lightbend/config's
/// SimpleIncluder.fromBasename); a name with an extension is read in that extension's format.
/// </summary>
public sealed class IncludeFormatTests : IDisposable
{
    private static readonly ConfigParseOptions NoEnvironment = new() { UseEnvironment = false };
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private Config Load(string mainText) => ConfigFactory.ParseFile(_dir.Write("main.conf", mainText), NoEnvironment);

    private HoconException LoadError(string mainText) => Assert.Throws<HoconException>(() => Load(mainText));

    [Fact]
    public void Include_WithoutExtension_MergesConfOverJsonOverProperties()
    {
        _dir.Write("app.conf", "both = conf\nall = conf\nconf-only = 1");
        _dir.Write("app.json", """{ "both": "json", "all": "json", "json-only": 2, "json-props": "json" }""");
        _dir.Write("app.properties", "all = properties\njson-props = properties\nprops-only = 3\n");

        var config = Load("include \"app\"");

        Assert.Equal("conf", config.GetString("both"));
        Assert.Equal("conf", config.GetString("all"));
        Assert.Equal("json", config.GetString("json-props"));
        Assert.Equal(1, config.GetInt("conf-only"));
        Assert.Equal(2, config.GetInt("json-only"));
        Assert.Equal("3", config.GetString("props-only"));
    }

    [Fact]
    public void Include_WithoutExtension_OnlyPropertiesExists_LoadsIt()
    {
        _dir.Write("app.properties", "a.b = 1");
        Assert.Equal("""{"x":{"a":{"b":"1"}}}""", Load("x { include \"app\" }").ToJson(false));
    }

    [Fact]
    public void Include_WithoutExtension_ObjectsMergeAcrossFormats()
    {
        _dir.Write("app.conf", "db { host = conf-host }");
        _dir.Write("app.properties", "db.host = props-host\ndb.port = 5432");
        var config = Load("include \"app\"");
        Assert.Equal("conf-host", config.GetString("db.host"));
        Assert.Equal(5432, config.GetInt("db.port"));
    }

    [Fact]
    public void Include_FileAndRequiredWithoutExtension_LoadEveryFormat()
    {
        _dir.Write("f.properties", "p = 1");
        _dir.Write("f.json", """{ "j": 2 }""");
        var config = Load("a { include file(\"f\") }\nb { include required(file(\"f\")) }\nc { include required(\"f\") }");
        Assert.Equal("""{"a":{"j":2,"p":"1"},"b":{"j":2,"p":"1"},"c":{"j":2,"p":"1"}}""", SortedJson(config.ToJson(false)));
    }

    [Fact]
    public void Include_RequiredWithoutExtension_OnlyPropertiesExists_Succeeds()
    {
        _dir.Write("only.properties", "p = 1");
        Assert.Equal("1", Load("include required(\"only\")").GetString("p"));
    }

    [Fact]
    public void Include_RequiredWithoutExtension_NoneExists_ThrowsNamingAllThree()
    {
        var error = LoadError("a = 1\ninclude required(\"nope\")");
        Assert.StartsWith("could not find required include required(\"nope\")", error.Reason);
        Assert.Contains("nope.conf", error.Reason);
        Assert.Contains("nope.json", error.Reason);
        Assert.Contains("nope.properties", error.Reason);
        Assert.Equal(2, error.Line);
    }

    [Fact]
    public void Include_PropertiesExtension_ParsesAsProperties()
    {
        _dir.Write("p.properties", "a.b.c = 1\nflag = true\nlist = [1, 2]\nref = ${x}\n");
        var config = Load("include \"p.properties\"");
        Assert.Equal("""{"a":{"b":{"c":"1"}},"flag":"true","list":"[1, 2]","ref":"${x}"}""", config.ToJson(false));
        Assert.Equal(HoconType.String, config.GetValue("a.b.c")!.Type);
        Assert.Equal(1, config.GetInt("a.b.c"));
    }

    [Fact]
    public void Include_JsonExtension_ParsesAsStrictJson()
    {
        _dir.Write("ok.json", """{ "a.b": 1, "list": [1, {"x": null}], "t": true }""");
        var config = Load("include \"ok.json\"");
        Assert.Equal(1, config.GetInt("\"a.b\""));
        Assert.False(config.HasPath("a"));
        Assert.Equal("""{"a.b":1,"list":[1,{"x":null}],"t":true}""", config.ToJson(false));
    }

    [Theory]
    [InlineData("{ \"x\": 1, // comment\n \"y\": 2 }", 1, 11, "comments are not allowed in JSON")]
    [InlineData("{ \"x\": 1, \"x\": 2 }", 1, 11, "duplicate field \"x\": JSON does not allow a name twice in one object")]
    [InlineData("{ \"x\": 1, }", 1, 11, "JSON does not allow a comma before '}'")]
    [InlineData("{ \"x\": [1, ] }", 1, 12, "JSON does not allow a comma before ']'")]
    [InlineData("{ \"x\": abc }", 1, 8, "unquoted text \"abc\" is not allowed in JSON (quote it)")]
    [InlineData("{ \"x\": 1\n \"y\": 2 }", 2, 2, "expected ',' or '}' after the value of key \"x\", found '\"'")]
    [InlineData("{ x: 1 }", 1, 3, "expected a quoted field name, found 'x' (JSON keys are quoted strings)")]
    [InlineData("{ \"x\" = 1 }", 1, 7, "expected ':' after field name \"x\", found '=' (JSON separates names and values with ':')")]
    [InlineData("{ \"x\": ${y} }", 1, 8, "substitutions (${...}) are not allowed in JSON")]
    [InlineData("{ \"x\": \"a\" \"b\" }", 1, 12, "expected ',' or '}' after the value of key \"x\", found '\"'")]
    [InlineData("{ \"x\": \"\"\"a\"\"\" }", 1, 8, "triple-quoted strings are not allowed in JSON")]
    [InlineData("\"x\": 1", 1, 1, "a JSON document must be an object in braces, found '\"'")]
    [InlineData("", 1, 1, "empty JSON document: expected an object")]
    public void Include_JsonExtension_HoconSyntax_ThrowsAtThePlace(string json, int line, int column, string reason)
    {
        _dir.Write("bad.json", json);
        var error = LoadError("include \"bad.json\"");
        Assert.Equal(reason, error.Reason);
        Assert.Equal("bad.json", error.Origin);
        Assert.Equal((line, column), (error.Line, error.Column));
    }

    [Fact]
    public void Include_ConfExtension_StillHocon()
    {
        _dir.Write("h.conf", "a = ${b} // comment\nb = 1");
        Assert.Equal(1, Load("include \"h.conf\"").GetInt("a"));
    }

    [Fact]
    public void ParseFile_JsonAndPropertiesFiles_ReadInTheirFormat()
    {
        string properties = _dir.Write("direct.properties", "a.b = 1");
        Assert.Equal("""{"a":{"b":"1"}}""", ConfigFactory.ParseFile(properties, NoEnvironment).ToJson(false));

        string json = _dir.Write("direct.json", "{ \"a\": 1, }");
        var error = Assert.Throws<HoconException>(() => ConfigFactory.ParseFile(json, NoEnvironment));
        Assert.Equal("JSON does not allow a comma before '}'", error.Reason);
    }

    [Fact]
    public void Include_FileUrlToProperties_ParsesAsProperties()
    {
        string path = _dir.Write("u.properties", "u.v = 1");
        Assert.Equal("1", Load($"include url(\"{new Uri(path).AbsoluteUri}\")").GetString("u.v"));
    }

    private static string SortedJson(string json)
    {
        static System.Text.Json.Nodes.JsonNode? Sort(System.Text.Json.Nodes.JsonNode? node) => node switch
        {
            System.Text.Json.Nodes.JsonObject obj => new System.Text.Json.Nodes.JsonObject(
                obj.OrderBy(p => p.Key, StringComparer.Ordinal)
                    .Select(p => KeyValuePair.Create(p.Key, Sort(p.Value?.DeepClone())))),
            _ => node?.DeepClone(),
        };

        return Sort(System.Text.Json.Nodes.JsonNode.Parse(json))!.ToJsonString();
    }
}
