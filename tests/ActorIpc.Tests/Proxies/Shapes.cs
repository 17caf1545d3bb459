namespace ActorIpc.Tests.Proxies;

/// <summary>A base interface with a member a proxy cannot call: inherited members are checked too.</summary>
public interface IRefusedBase
{
    int Count();
}

/// <summary>One member of every refused shape, and one allowed method.</summary>
public interface IRefused : IRefusedBase
{
    string Name { get; }

    string this[int index] { get; }

    event EventHandler Changed;

    int Add(int a, int b);

    void Reset();

    Task Load(ref int position);

    Task TryGet(out int value);

    Task Read(in Guid id);

    Task<T> Get<T>();

    Task Wait(CancellationToken cancellationToken, int count);

    IAsyncEnumerable<int> Stream();

    Task<int> Allowed(int a);
}

public interface IAllowedBase
{
    Task<string> FromBaseAsync(string text);
}

/// <summary>Every allowed shape.</summary>
public interface IAllowed : IAllowedBase
{
    Task RunAsync();

    Task<int> GetAsync(int a, string b);

    ValueTask PingAsync();

    ValueTask<long> SumAsync(params long[] values);

    Task<string> SlowAsync(string text, CancellationToken cancellationToken);

    Task<int?> MaybeAsync(int? value = null);
}

/// <summary>Two bases declaring the same method: each is its own method on the wire.</summary>
public interface ILeft
{
    Task<string> NameAsync();
}

public interface IRight
{
    Task<string> NameAsync();
}

public interface IBoth : ILeft, IRight;
