using System.Globalization;
using ActorIpc.Hocon;

namespace ActorIpc.Remote.Serialization;

/// <summary>
/// The serialization settings under <c>actoripc.actor</c>, read once and checked: every type named
/// is loaded now, so a typo fails at startup with the config path and position, not at the first message.
/// </summary>
internal sealed class SerializationSettings
{
    public const string SerializersPath = "actoripc.actor.serializers";
    public const string BindingsPath = "actoripc.actor.serialization-bindings";
    public const string AllowedTypesPath = "actoripc.actor.serialization-allowed-types";
    public const string SerializeMessagesPath = "actoripc.actor.serialize-messages";

    private SerializationSettings(
        IReadOnlyList<(string Name, Type Type, HoconValue Value)> serializers,
        IReadOnlyList<(Type Type, string Serializer)> bindings,
        IReadOnlyList<AllowedTypePattern> allowedTypes,
        bool serializeMessages)
    {
        Serializers = serializers;
        Bindings = bindings;
        AllowedTypes = allowedTypes;
        SerializeMessages = serializeMessages;
    }

    /// <summary>User serializers by name (built-in names listed in the config are left out).</summary>
    public IReadOnlyList<(string Name, Type Type, HoconValue Value)> Serializers { get; }

    /// <summary>Configured bindings in file order.</summary>
    public IReadOnlyList<(Type Type, string Serializer)> Bindings { get; }

    public IReadOnlyList<AllowedTypePattern> AllowedTypes { get; }

    public bool SerializeMessages { get; }

    public static SerializationSettings Load(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var serializers = new List<(string, Type, HoconValue)>();
        var names = new HashSet<string>(StringComparer.Ordinal)
        {
            BuiltInSerializers.PrimitiveName, BuiltInSerializers.JsonName, BuiltInSerializers.ProtobufName,
            BuiltInSerializers.ExceptionName, BuiltInSerializers.StatusName,
        };
        foreach (var (name, value) in config.GetConfig(SerializersPath).Root)
        {
            var path = $"{SerializersPath}.\"{name}\"";
            var type = LoadType(value, path);
            if (BuiltInSerializers.TypeOf(name) is { } builtIn)
            {
                // Listing a built-in under its own name is harmless (the reference config may); replacing it is not.
                if (type != builtIn)
                {
                    throw Invalid(value, path, $"the serializer name \"{name}\" is reserved for the built-in {builtIn.Name}; register yours under another name");
                }

                continue;
            }

            if (!typeof(Serializer).IsAssignableFrom(type) || type.IsAbstract)
            {
                throw Invalid(value, path, $"the type \"{type.FullName}\" is not a concrete subclass of ActorIpc.Remote.Serialization.Serializer");
            }

            names.Add(name);
            serializers.Add((name, type, value));
        }

        var bindings = new List<(Type, string)>();
        foreach (var (typeName, value) in config.GetConfig(BindingsPath).Root)
        {
            var path = $"{BindingsPath}.\"{typeName}\"";
            if (value is not HoconString serializerName)
            {
                throw Invalid(value, path, $"expected a serializer name; if \"{typeName}\" is the start of a type name, quote the whole name, e.g. \"System.String\" = primitive");
            }

            if (!names.Contains(serializerName.Value))
            {
                throw Invalid(value, path, $"no serializer is named \"{serializerName.Value}\" (known: {string.Join(", ", names.Order(StringComparer.Ordinal))}; add it to {SerializersPath})");
            }

            bindings.Add((LoadType(typeName, value, path), serializerName.Value));
        }

        var allowed = new List<AllowedTypePattern>();
        if (config.HasPath(AllowedTypesPath))
        {
            foreach (var entry in config.GetStringList(AllowedTypesPath))
            {
                allowed.Add(AllowedTypePattern.Parse(entry, out var error) ?? throw Invalid(config.GetValue(AllowedTypesPath), AllowedTypesPath, error!));
            }
        }

        return new SerializationSettings(serializers, bindings, allowed, config.GetBoolean(SerializeMessagesPath, false));
    }

    public static HoconException Invalid(HoconValue? value, string path, string reason)
    {
        var where = value is { Line: > 0 } ? string.Create(CultureInfo.InvariantCulture, $" ({value.Origin}:{value.Line}:{value.Column})") : string.Empty;
        return new HoconException($"{reason} at {path}{where}", reason, value?.Origin, value?.Line ?? 0, value?.Column ?? 0, path);
    }

    private static Type LoadType(HoconValue value, string path) =>
        value is HoconString text
            ? LoadType(text.Value, value, path)
            : throw Invalid(value, path, "expected an assembly-qualified type name such as \"MyApp.MySerializer, MyApp\"");

    private static Type LoadType(string typeName, HoconValue value, string path)
    {
        try
        {
            return Type.GetType(typeName, throwOnError: false)
                ?? throw Invalid(value, path, $"the type \"{typeName}\" was not found (give \"Namespace.Type, Assembly\")");
        }
        catch (Exception e) when (e is IOException or BadImageFormatException or ArgumentException or TypeLoadException)
        {
            throw Invalid(value, path, $"the type \"{typeName}\" cannot be loaded: {e.Message}");
        }
    }
}
