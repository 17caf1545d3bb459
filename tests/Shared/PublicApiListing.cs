// The public API listing: every public and protected type and member of an assembly, one line each,
// compared by a test with the listing checked in at tests/<TestProject>/PublicApi/<Assembly>.txt.
// The point is that the public surface changes only on purpose (STYLE.md, habit 10).
//
// When PublicApi_MatchesTheCheckedInListing fails because you changed the surface deliberately:
//
//     ACTORIPC_ACCEPT_API=1 dotnet test tests/<TestProject>
//
// That run rewrites the listing in the source tree (the repository root is found by walking up to
// ActorIpc.sln) and still fails, so accepting is never silently green. Review the change with
// `git diff tests/<TestProject>/PublicApi`, run the test again without the variable, and commit the
// listing together with the code.
//
// Line format, sorted by type, then by member kind and name:
//
//     ActorIpc.Props: public sealed record class Props : System.IEquatable<ActorIpc.Props>
//     ActorIpc.Props: method public ActorIpc.Props WithMailbox(string mailboxId)
//     ActorIpc.Props: property public string? Dispatcher { get; init; }
//
// A type line carries accessibility, modifiers, kind, generic parameters, base type (System.Object,
// System.ValueType and System.Enum are left out), all interfaces and constraints; a delegate's line
// carries its signature. A member line starts with its kind (ctor, value, field, property, indexer,
// event, method, operator), then what C# would declare: modifiers, type, name, parameters with
// ref/out/in, params and default values. Reference types carry `?` where NullabilityInfoContext
// reads an annotation; not shown: nullability inside base types, interfaces and constraints, and `T?`
// on a type parameter without constraints (reflection cannot tell it from `T`).
// Members with unspeakable names (a record's <Clone>$) are left out; the synthesized members a user
// can call or override (a record's Equals, Deconstruct, PrintMembers, EqualityContract) stay.
using System.Globalization;
using System.Reflection;
using System.Text;

namespace ActorIpc.Tests.Shared;

internal static class PublicApiListing
{
    public const string AcceptVariable = "ACTORIPC_ACCEPT_API";

    private const BindingFlags Declared =
        BindingFlags.DeclaredOnly | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static;

    private const int MaxDiffLines = 40;

    private static readonly Dictionary<Type, string> Keywords = new()
    {
        [typeof(void)] = "void", [typeof(object)] = "object", [typeof(string)] = "string", [typeof(bool)] = "bool",
        [typeof(char)] = "char", [typeof(byte)] = "byte", [typeof(sbyte)] = "sbyte", [typeof(short)] = "short",
        [typeof(ushort)] = "ushort", [typeof(int)] = "int", [typeof(uint)] = "uint", [typeof(long)] = "long",
        [typeof(ulong)] = "ulong", [typeof(nint)] = "nint", [typeof(nuint)] = "nuint", [typeof(float)] = "float",
        [typeof(double)] = "double", [typeof(decimal)] = "decimal",
    };

    private static readonly HashSet<string> ReservedWords =
    [
        "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const",
        "continue", "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit", "extern",
        "false", "finally", "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int", "interface",
        "internal", "is", "lock", "long", "namespace", "new", "null", "object", "operator", "out", "override",
        "params", "private", "protected", "public", "readonly", "ref", "return", "sbyte", "sealed", "short",
        "sizeof", "stackalloc", "static", "string", "struct", "switch", "this", "throw", "true", "try", "typeof",
        "uint", "ulong", "unchecked", "unsafe", "ushort", "using", "virtual", "void", "volatile", "while",
    ];

    private static readonly Dictionary<string, string> Operators = new()
    {
        ["op_Addition"] = "+", ["op_Subtraction"] = "-", ["op_Multiply"] = "*", ["op_Division"] = "/",
        ["op_Modulus"] = "%", ["op_BitwiseAnd"] = "&", ["op_BitwiseOr"] = "|", ["op_ExclusiveOr"] = "^",
        ["op_LeftShift"] = "<<", ["op_RightShift"] = ">>", ["op_UnsignedRightShift"] = ">>>",
        ["op_Equality"] = "==", ["op_Inequality"] = "!=", ["op_LessThan"] = "<", ["op_GreaterThan"] = ">",
        ["op_LessThanOrEqual"] = "<=", ["op_GreaterThanOrEqual"] = ">=", ["op_UnaryPlus"] = "+",
        ["op_UnaryNegation"] = "-", ["op_LogicalNot"] = "!", ["op_OnesComplement"] = "~",
        ["op_Increment"] = "++", ["op_Decrement"] = "--", ["op_True"] = "true", ["op_False"] = "false",
    };

    /// <summary>Checks <paramref name="assembly"/> against tests/&lt;this test project&gt;/PublicApi/&lt;assembly&gt;.txt.</summary>
    public static void AssertMatchesCheckedInListing(Assembly assembly)
    {
        var name = assembly.GetName().Name!;
        // This file is compiled into each test project, whose folder under tests/ bears its assembly's name.
        var testProject = typeof(PublicApiListing).Assembly.GetName().Name!;
        var relativePath = $"tests/{testProject}/PublicApi/{name}.txt";
        var outputCopy = Path.Combine(AppContext.BaseDirectory, "PublicApi", name + ".txt");

        var actual = Render(assembly);
        var expected = File.Exists(outputCopy) ? Parse(File.ReadAllText(outputCopy)) : [];
        if (expected.SequenceEqual(actual, StringComparer.Ordinal))
            return;

        var message = new StringBuilder(File.Exists(outputCopy) ? "" : $"There is no listing of {name} yet.\n");
        message.Append(Describe(expected, actual)).Append('\n');
        if (Environment.GetEnvironmentVariable(AcceptVariable) == "1")
        {
            var sourcePath = Path.Combine(FindRepositoryRoot(), relativePath);
            var text = Format(name, actual);
            Directory.CreateDirectory(Path.GetDirectoryName(sourcePath)!);
            File.WriteAllText(sourcePath, text);
            // The output copy too, so a following `dotnet test --no-build` sees the accepted listing.
            Directory.CreateDirectory(Path.GetDirectoryName(outputCopy)!);
            File.WriteAllText(outputCopy, text);
            message.Append($"{AcceptVariable}=1: rewrote {relativePath}. Review it with `git diff`, ")
                .Append($"then run the test again without {AcceptVariable}; this run fails so accepting is never silent.");
        }
        else
        {
            message.Append($"The listing is {relativePath}. If the change is deliberate, run this test once with ")
                .Append($"{AcceptVariable}=1: it rewrites the listing (and fails that run); review with `git diff`, ")
                .Append("run again without the variable, and commit the listing with the change.");
        }

        Assert.Fail(message.ToString());
    }

    /// <summary>The listing's lines, without the header comments and blank lines.</summary>
    public static List<string> Parse(string listing) =>
        listing.Split('\n')
            .Select(line => line.TrimEnd('\r'))
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .ToList();

    /// <summary>The file text for <paramref name="lines"/>: a header, then one line each, LF endings.</summary>
    public static string Format(string assemblyName, IEnumerable<string> lines) =>
        $"# Public API of {assemblyName}: one line per public or protected type and member.\n"
        + "# Generated by tests/Shared/PublicApiListing.cs; accept a change with ACTORIPC_ACCEPT_API=1 (see that file).\n"
        + string.Concat(lines.Select(line => line + "\n"));

    /// <summary>A short diff: how many lines were added and removed, then the lines themselves.</summary>
    public static string Describe(IReadOnlyList<string> expected, IReadOnlyList<string> actual)
    {
        var expectedSet = expected.ToHashSet(StringComparer.Ordinal);
        var actualSet = actual.ToHashSet(StringComparer.Ordinal);
        var removed = expected.Where(line => !actualSet.Contains(line)).ToList();
        var added = actual.Where(line => !expectedSet.Contains(line)).ToList();

        var text = new StringBuilder($"The public API differs from the checked-in listing: {added.Count} line(s) added, {removed.Count} removed.\n");
        if (added.Count == 0 && removed.Count == 0)
            text.Append("The same lines in a different order or count: the listing was edited by hand.\n");
        foreach (var line in removed.Select(l => "- " + l).Concat(added.Select(l => "+ " + l)).Take(MaxDiffLines))
            text.Append(line).Append('\n');
        if (removed.Count + added.Count > MaxDiffLines)
            text.Append($"... and {removed.Count + added.Count - MaxDiffLines} more.\n");
        return text.ToString();
    }

    /// <summary>Every visible type of <paramref name="assembly"/> with its members, sorted.</summary>
    public static List<string> Render(Assembly assembly) =>
        assembly.GetTypes()
            .Where(IsVisible)
            .Select(type => (Name: TypeName(type), Lines: RenderType(type)))
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .SelectMany(t => t.Lines)
            .ToList();

    /// <summary>The line of <paramref name="type"/> followed by its visible members' lines.</summary>
    public static List<string> RenderType(Type type)
    {
        var prefix = TypeName(type) + ": ";
        var lines = new List<string> { prefix + TypeDeclaration(type) };
        if (IsDelegate(type))
            return lines;
        lines.AddRange(Members(type)
            .OrderBy(m => m.Order)
            .ThenBy(m => m.Number)
            .ThenBy(m => m.Name, StringComparer.Ordinal)
            .ThenBy(m => m.Text, StringComparer.Ordinal)
            .Select(m => prefix + m.Text));
        return lines;
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ActorIpc.sln")))
                return dir.FullName;
        }

        throw new InvalidOperationException($"No ActorIpc.sln above {AppContext.BaseDirectory}: cannot find the listing to rewrite.");
    }

    private static bool IsVisible(Type type) =>
        !IsUnspeakable(type.Name)
        && (type.IsPublic
            || (type.IsNested && (type.IsNestedPublic || type.IsNestedFamily || type.IsNestedFamORAssem) && IsVisible(type.DeclaringType!)));

    private static bool IsVisible(MethodBase? method) =>
        method is not null && (method.IsPublic || method.IsFamily || method.IsFamilyOrAssembly);

    private static bool IsUnspeakable(string name) => name.IndexOfAny(['<', '>', '$']) >= 0;

    private static bool IsDelegate(Type type) => type.BaseType == typeof(MulticastDelegate);

    private static bool Has(MemberInfo member, string attribute) =>
        member.CustomAttributes.Any(a => a.AttributeType.FullName == attribute);

    private static bool Has(ParameterInfo parameter, string attribute) =>
        parameter.CustomAttributes.Any(a => a.AttributeType.FullName == attribute);

    private static string TypeDeclaration(Type type)
    {
        var text = new StringBuilder(Attributes(type));
        text.Append(type.IsPublic || type.IsNestedPublic ? "public " : type.IsNestedFamily ? "protected " : "protected internal ");
        var generics = type.GetGenericArguments().Skip(type.DeclaringType?.GetGenericArguments().Length ?? 0).ToArray();

        if (IsDelegate(type))
        {
            var invoke = type.GetMethod("Invoke")!;
            text.Append("delegate ").Append(ReturnType(invoke)).Append(' ').Append(ShortName(type)).Append(GenericParameters(generics))
                .Append('(').Append(Parameters(invoke.GetParameters(), extension: false)).Append(')');
            return text.Append(Constraints(generics)).ToString();
        }

        if (type.IsEnum)
        {
            var underlying = Enum.GetUnderlyingType(type);
            text.Append("enum ").Append(ShortName(type));
            return (underlying == typeof(int) ? text : text.Append(" : ").Append(Keywords[underlying])).ToString();
        }

        if (type.IsInterface)
            text.Append("interface ");
        else if (type.IsValueType)
        {
            text.Append(Has(type, "System.Runtime.CompilerServices.IsReadOnlyAttribute") ? "readonly " : "")
                .Append(type.IsByRefLike ? "ref " : "")
                .Append(type.GetMethods(Declared).Any(m => m.Name == "PrintMembers" && Has(m, "System.Runtime.CompilerServices.CompilerGeneratedAttribute")) ? "record struct " : "struct ");
        }
        else
        {
            text.Append(type.IsAbstract && type.IsSealed ? "static " : type.IsAbstract ? "abstract " : type.IsSealed ? "sealed " : "")
                .Append(type.GetMethod("<Clone>$", Declared) is not null ? "record class " : "class ");
        }

        text.Append(ShortName(type)).Append(GenericParameters(generics));
        var bases = new List<string>();
        if (type.BaseType is { } baseType && baseType != typeof(object) && baseType != typeof(ValueType))
            bases.Add(TypeName(baseType));
        // An internal interface a public type implements is no part of the surface.
        bases.AddRange(type.GetInterfaces().Where(i => i.IsVisible || IsVisible(i)).Select(TypeName).Order(StringComparer.Ordinal));
        if (bases.Count > 0)
            text.Append(" : ").AppendJoin(", ", bases);
        return text.Append(Constraints(generics)).ToString();
    }

    // Enum values sort by number, everything else by kind, then name, then text.
    private readonly record struct Member(int Order, string Name, string Text, decimal Number = 0);

    private static IEnumerable<Member> Members(Type type)
    {
        var accessors = new HashSet<MethodInfo>();

        foreach (var field in type.GetFields(Declared))
        {
            if (field.IsSpecialName || IsUnspeakable(field.Name) || !(field.IsPublic || field.IsFamily || field.IsFamilyOrAssembly))
                continue;
            if (type.IsEnum)
            {
                var number = field.GetRawConstantValue()!;
                var text = $"value {Attributes(field)}{field.Name} = {Convert.ToString(number, CultureInfo.InvariantCulture)}";
                yield return new Member(1, field.Name, text, Convert.ToDecimal(number, CultureInfo.InvariantCulture));
                continue;
            }

            var access = field.IsPublic ? "public" : field.IsFamily ? "protected" : "protected internal";
            var modifiers = field.IsLiteral ? " const" : (field.IsStatic ? " static" : "") + (field.IsInitOnly ? " readonly" : "");
            var fieldType = TypeRef(field.FieldType, new NullabilityInfoContext().Create(field), TupleNames.Of(field.CustomAttributes));
            var value = field.IsLiteral ? " = " + Literal(field.GetRawConstantValue(), field.FieldType) : "";
            yield return new Member(2, field.Name, $"field {Attributes(field)}{access}{modifiers} {fieldType} {field.Name}{value}");
        }

        foreach (var property in type.GetProperties(Declared))
        {
            accessors.UnionWith(property.GetAccessors(nonPublic: true));
            var getter = IsVisible(property.GetMethod) ? property.GetMethod : null;
            var setter = IsVisible(property.SetMethod) ? property.SetMethod : null;
            var main = MoreVisible(getter, setter);
            if (main is null || IsUnspeakable(property.Name))
                continue;

            var info = new NullabilityInfoContext().Create(property);
            var propertyType = TypeRef(property.PropertyType, info, TupleNames.Of(property.CustomAttributes), getter is null ? info.WriteState : info.ReadState);
            var indexParameters = property.GetIndexParameters();
            var name = indexParameters.Length == 0 ? property.Name : $"this[{Parameters(indexParameters, extension: false)}]";
            var text = new StringBuilder(indexParameters.Length == 0 ? "property " : "indexer ")
                .Append(Attributes(property)).Append(Access(main)).Append(Modifiers(main))
                .Append(Has(property, "System.Runtime.CompilerServices.RequiredMemberAttribute") ? " required" : "")
                .Append(' ').Append(RefKind(main.ReturnParameter)).Append(propertyType).Append(' ').Append(name).Append(" {");
            if (getter is not null)
                text.Append(Access(getter) == Access(main) ? "" : " " + Access(getter)).Append(" get;");
            if (setter is not null)
            {
                var init = setter.ReturnParameter.GetRequiredCustomModifiers().Any(m => m.FullName == "System.Runtime.CompilerServices.IsExternalInit");
                text.Append(Access(setter) == Access(main) ? "" : " " + Access(setter)).Append(init ? " init;" : " set;");
            }

            yield return new Member(indexParameters.Length == 0 ? 3 : 4, property.Name, text.Append(" }").ToString());
        }

        foreach (var @event in type.GetEvents(Declared))
        {
            accessors.UnionWith(new[] { @event.AddMethod, @event.RemoveMethod, @event.RaiseMethod }.OfType<MethodInfo>());
            var main = MoreVisible(IsVisible(@event.AddMethod) ? @event.AddMethod : null, IsVisible(@event.RemoveMethod) ? @event.RemoveMethod : null);
            if (main is null || IsUnspeakable(@event.Name))
                continue;
            var eventType = TypeRef(@event.EventHandlerType!, new NullabilityInfoContext().Create(@event), null);
            yield return new Member(5, @event.Name, $"event {Attributes(@event)}{Access(main)}{Modifiers(main)} {eventType} {@event.Name}");
        }

        foreach (var ctor in type.GetConstructors(Declared))
        {
            if (!ctor.IsStatic && IsVisible(ctor))
                yield return new Member(0, ".ctor", $"ctor {Attributes(ctor)}{Access(ctor)} {ShortName(type)}({Parameters(ctor.GetParameters(), extension: false)})");
        }

        foreach (var method in type.GetMethods(Declared))
        {
            if (accessors.Contains(method) || !IsVisible(method) || IsUnspeakable(method.Name))
                continue;
            var head = $"{Attributes(method)}{Access(method)}{Modifiers(method)}";
            var parameters = Parameters(method.GetParameters(), Has(method, "System.Runtime.CompilerServices.ExtensionAttribute"));
            if (method.IsSpecialName && method.Name is "op_Implicit" or "op_Explicit")
            {
                var direction = method.Name == "op_Implicit" ? "implicit" : "explicit";
                yield return new Member(7, method.Name, $"operator {head} {direction} operator {ReturnType(method)}({parameters})");
            }
            else if (method.IsSpecialName && method.Name.StartsWith("op_", StringComparison.Ordinal))
            {
                var symbol = OperatorSymbol(method.Name);
                yield return new Member(7, method.Name, $"operator {head} {ReturnType(method)} operator {symbol}({parameters})");
            }
            else
            {
                var generics = method.GetGenericArguments();
                var signature = $"{ReturnType(method)} {method.Name}{GenericParameters(generics)}({parameters}){Constraints(generics)}";
                yield return new Member(6, method.Name, $"method {head} {signature}");
            }
        }
    }

    private static string OperatorSymbol(string name)
    {
        // C# 11 checked operators and C# 14 compound assignments reuse the plain operator's name with a marker.
        var isChecked = name.StartsWith("op_Checked", StringComparison.Ordinal);
        var plain = isChecked ? "op_" + name["op_Checked".Length..] : name;
        var isAssignment = plain.EndsWith("Assignment", StringComparison.Ordinal) && !Operators.ContainsKey(plain);
        if (isAssignment)
            plain = plain[..^"Assignment".Length];
        if (!Operators.TryGetValue(plain, out var symbol))
            return name;
        return (isChecked ? "checked " : "") + symbol + (isAssignment ? "=" : "");
    }

    private static MethodInfo? MoreVisible(MethodInfo? first, MethodInfo? second) =>
        first is null ? second : second is null ? first : Rank(second) > Rank(first) ? second : first;

    private static int Rank(MethodBase method) => method.IsPublic ? 3 : method.IsFamilyOrAssembly ? 2 : 1;

    private static string Access(MethodBase method) =>
        method.IsPublic ? "public" : method.IsFamily ? "protected" : "protected internal";

    private static string Modifiers(MethodInfo method)
    {
        var text = new StringBuilder();
        if (method.IsStatic)
            text.Append(" static");
        var newSlot = (method.Attributes & MethodAttributes.VtableLayoutMask) == MethodAttributes.NewSlot;
        if (method.IsAbstract)
            text.Append(newSlot || method.DeclaringType!.IsInterface ? " abstract" : " abstract override");
        else if (method.IsVirtual && method.DeclaringType!.IsInterface)
            text.Append(method.IsFinal ? "" : " virtual");
        else if (method.IsVirtual && newSlot)
            text.Append(method.IsFinal ? "" : " virtual"); // final new-slot: an implicit interface implementation
        else if (method.IsVirtual)
            text.Append(method.IsFinal ? " sealed override" : " override");
        if (Has(method, "System.Runtime.CompilerServices.IsReadOnlyAttribute"))
            text.Append(" readonly");
        return text.ToString();
    }

    private static string Attributes(MemberInfo member) =>
        (Has(member, "System.ObsoleteAttribute") ? "[System.Obsolete] " : "")
        + (Has(member, "System.FlagsAttribute") ? "[System.Flags] " : "");

    private static string ReturnType(MethodInfo method)
    {
        var info = new NullabilityInfoContext().Create(method.ReturnParameter);
        return RefKind(method.ReturnParameter) + TypeRef(method.ReturnType, info, TupleNames.Of(method.ReturnParameter.CustomAttributes));
    }

    private static string RefKind(ParameterInfo returnParameter) =>
        !returnParameter.ParameterType.IsByRef ? ""
        : Has(returnParameter, "System.Runtime.CompilerServices.IsReadOnlyAttribute") ? "ref readonly " : "ref ";

    private static string Parameters(ParameterInfo[] parameters, bool extension) =>
        string.Join(", ", parameters.Select((p, i) => Parameter(p, extension && i == 0)));

    private static string Parameter(ParameterInfo parameter, bool isThis)
    {
        var text = new StringBuilder(isThis ? "this " : "");
        if (Has(parameter, "System.ParamArrayAttribute") || Has(parameter, "System.Runtime.CompilerServices.ParamCollectionAttribute"))
            text.Append("params ");
        if (Has(parameter, "System.Runtime.CompilerServices.ScopedRefAttribute"))
            text.Append("scoped ");
        var type = parameter.ParameterType;
        if (type.IsByRef)
        {
            type = type.GetElementType()!;
            text.Append(parameter.IsOut ? "out "
                : parameter.IsIn && Has(parameter, "System.Runtime.CompilerServices.IsReadOnlyAttribute") ? "in "
                : Has(parameter, "System.Runtime.CompilerServices.RequiresLocationAttribute") ? "ref readonly "
                : "ref ");
        }

        // What a caller may pass decides the annotation, except for out, where it is what comes back.
        var info = new NullabilityInfoContext().Create(parameter);
        text.Append(TypeRef(type, info, TupleNames.Of(parameter.CustomAttributes), parameter.IsOut ? info.ReadState : info.WriteState))
            .Append(' ').Append(Identifier(parameter.Name!));
        // The raw value: DefaultValue cannot box an enum declared inside an open generic type.
        if (parameter.RawDefaultValue is not DBNull and not Missing)
            text.Append(" = ").Append(Literal(parameter.RawDefaultValue, type));
        return text.ToString();
    }

    private static string Literal(object? value, Type type)
    {
        var target = Nullable.GetUnderlyingType(type) ?? type;
        if (value is null)
            return type.IsValueType && Nullable.GetUnderlyingType(type) is null ? "default" : "null";
        if (target.IsEnum)
        {
            // By the raw number: Enum.ToObject cannot box an enum declared inside an open generic type.
            var member = target.GetFields(BindingFlags.Public | BindingFlags.Static).FirstOrDefault(f => Equals(f.GetRawConstantValue(), value));
            return member is not null ? $"{TypeName(target)}.{member.Name}" : $"({TypeName(target)}){Convert.ToString(value, CultureInfo.InvariantCulture)}";
        }

        return value switch
        {
            string s => "\"" + Escape(s, '"') + "\"",
            char c => "'" + Escape(c.ToString(), '\'') + "'",
            bool b => b ? "true" : "false",
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        };
    }

    private static string Escape(string text, char quote) =>
        string.Concat(text.Select(c => c switch
        {
            '\\' => "\\\\",
            _ when c == quote => "\\" + c,
            '\n' => "\\n",
            '\r' => "\\r",
            '\t' => "\\t",
            _ when char.IsControl(c) => $"\\u{(int)c:x4}",
            _ => c.ToString(),
        }));

    private static string GenericParameters(Type[] parameters)
    {
        if (parameters.Length == 0)
            return "";
        return "<" + string.Join(", ", parameters.Select(p =>
            ((p.GenericParameterAttributes & GenericParameterAttributes.VarianceMask) switch
            {
                GenericParameterAttributes.Covariant => "out ",
                GenericParameterAttributes.Contravariant => "in ",
                _ => "",
            }) + p.Name)) + ">";
    }

    private static string Constraints(Type[] parameters)
    {
        var text = new StringBuilder();
        foreach (var parameter in parameters)
        {
            var attributes = parameter.GenericParameterAttributes;
            var isStruct = attributes.HasFlag(GenericParameterAttributes.NotNullableValueTypeConstraint);
            var types = parameter.GetGenericParameterConstraints().Where(t => !(isStruct && t == typeof(ValueType))).ToList();
            var parts = new List<string>();
            if (attributes.HasFlag(GenericParameterAttributes.ReferenceTypeConstraint))
                parts.Add(NullableFlag(parameter) == 2 ? "class?" : "class");
            else if (isStruct)
                parts.Add(Has(parameter, "System.Runtime.CompilerServices.IsUnmanagedAttribute") ? "unmanaged" : "struct");
            else if (types.Count == 0 && NullableFlag(parameter) == 1)
                parts.Add("notnull");
            parts.AddRange(types.Select(TypeName));
            if (attributes.HasFlag(GenericParameterAttributes.DefaultConstructorConstraint) && !isStruct)
                parts.Add("new()");
            if (attributes.HasFlag(GenericParameterAttributes.AllowByRefLike))
                parts.Add("allows ref struct");
            if (parts.Count > 0)
                text.Append(" where ").Append(parameter.Name).Append(" : ").AppendJoin(", ", parts);
        }

        return text.ToString();
    }

    // The compiler's nullable flag of a type parameter (1 not annotated, 2 annotated, 0 oblivious): its own
    // [Nullable], else the [NullableContext] of the method or of the nearest enclosing type that has one.
    private static byte NullableFlag(Type parameter)
    {
        var own = Flag(parameter.CustomAttributes, "System.Runtime.CompilerServices.NullableAttribute");
        if (own is not null)
            return own.Value;
        var context = parameter.DeclaringMethod is { } method ? Flag(method.CustomAttributes, "System.Runtime.CompilerServices.NullableContextAttribute") : null;
        for (var type = parameter.DeclaringType; context is null && type is not null; type = type.DeclaringType)
            context = Flag(type.CustomAttributes, "System.Runtime.CompilerServices.NullableContextAttribute");
        return context ?? 0;

        static byte? Flag(IEnumerable<CustomAttributeData> attributes, string name)
        {
            var argument = attributes.FirstOrDefault(a => a.AttributeType.FullName == name)?.ConstructorArguments[0].Value;
            return argument switch
            {
                byte b => b,
                IReadOnlyList<CustomAttributeTypedArgument> bytes when bytes.Count > 0 => (byte)bytes[0].Value!,
                _ => null,
            };
        }
    }

    /// <summary>A type's name as C# would write it in full, with its generic parameters.</summary>
    private static string TypeName(Type type) => TypeRef(type, null, null);

    private static string TypeRef(Type type, NullabilityInfo? info, TupleNames? names) =>
        TypeRef(type, info, names, info?.ReadState ?? NullabilityState.Unknown);

    private static string TypeRef(Type type, NullabilityInfo? info, TupleNames? names, NullabilityState state)
    {
        if (type.IsByRef)
            return TypeRef(type.GetElementType()!, info, names, state);
        if (Nullable.GetUnderlyingType(type) is { } underlying)
            return TypeRef(underlying, info?.GenericTypeArguments.FirstOrDefault(), names) + "?";

        var suffix = state == NullabilityState.Nullable && !type.IsValueType ? "?" : "";
        if (type.IsArray)
            return TypeRef(type.GetElementType()!, info?.ElementType, names) + "[" + new string(',', type.GetArrayRank() - 1) + "]" + suffix;
        if (type.IsPointer)
            return TypeRef(type.GetElementType()!, null, names) + "*";
        // For a type parameter without constraints, NullabilityInfoContext reports `T` and `T?` alike as
        // nullable; both print as `T`. Where T excludes null, a nullable state means the code wrote `T?`.
        if (type.IsGenericParameter)
            return type.Name + (NullableFlag(type) == 2 ? "" : suffix);
        if (Keywords.TryGetValue(type, out var keyword))
            return keyword + suffix;

        var arguments = type.GetGenericArguments();
        var argumentInfos = info?.GenericTypeArguments;
        if (type.IsConstructedGenericType && type.FullName?.StartsWith("System.ValueTuple`", StringComparison.Ordinal) == true && arguments.Length < 8)
        {
            // Element names come first, then the names inside the elements: the compiler's pre-order.
            var elementNames = names?.Take(arguments.Length) ?? new string?[arguments.Length];
            var elements = arguments.Select((a, i) => TypeRef(a, argumentInfos?.ElementAtOrDefault(i), names) + (elementNames[i] is { } n ? " " + n : ""));
            return "(" + string.Join(", ", elements) + ")" + suffix;
        }

        var rendered = arguments.Select((a, i) => TypeRef(a, argumentInfos?.ElementAtOrDefault(i), names)).ToArray();
        var chain = new List<Type>();
        for (var t = type.IsGenericType ? type.GetGenericTypeDefinition() : type; t is not null; t = t.DeclaringType)
            chain.Insert(0, t);

        var text = new StringBuilder(chain[0].Namespace is { Length: > 0 } ns ? ns + "." : "");
        var used = 0;
        foreach (var level in chain)
        {
            var count = level.GetGenericArguments().Length - used;
            text.Append(level == chain[0] ? "" : ".").Append(ShortName(level));
            if (count > 0)
                text.Append('<').AppendJoin(", ", rendered.Skip(used).Take(count)).Append('>');
            used += Math.Max(count, 0);
        }

        return text.Append(suffix).ToString();
    }

    private static string ShortName(Type type) => type.Name.Split('`')[0];

    private static string Identifier(string name) => ReservedWords.Contains(name) ? "@" + name : name;

    /// <summary>The names of [TupleElementNames], handed out in the order the compiler wrote them.</summary>
    private sealed class TupleNames(IReadOnlyList<string?> names)
    {
        private int _next;

        public static TupleNames? Of(IEnumerable<CustomAttributeData> attributes)
        {
            var argument = attributes.FirstOrDefault(a => a.AttributeType.FullName == "System.Runtime.CompilerServices.TupleElementNamesAttribute")
                ?.ConstructorArguments[0].Value as IReadOnlyList<CustomAttributeTypedArgument>;
            return argument is null ? null : new TupleNames(argument.Select(a => (string?)a.Value).ToList());
        }

        public string?[] Take(int count)
        {
            var taken = Enumerable.Range(_next, count).Select(i => i < names.Count ? names[i] : null).ToArray();
            _next += count;
            return taken;
        }
    }
}
