namespace ActorIpc.Tests.Proxies.Contracts;

/// <summary>Another interface, published under a name a calculator's proxy calls.</summary>
public interface IConverter
{
    Task<int> AddAsync(int a, int b);
}
