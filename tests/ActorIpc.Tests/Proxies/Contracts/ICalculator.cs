namespace ActorIpc.Tests.Proxies.Contracts;

/// <summary>Every allowed return shape, and overloads of one name.</summary>
public interface ICalculator
{
    Task<int> AddAsync(int a, int b);

    Task<double> AddAsync(double a, double b);

    Task<string> AddAsync(string a, string b);

    Task<int> DivideAsync(int a, int b);

    Task RecordAsync(string entry);

    ValueTask<int> CountAsync();

    ValueTask ResetAsync();
}
