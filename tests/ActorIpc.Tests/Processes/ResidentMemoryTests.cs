namespace ActorIpc.Tests.Processes;

public sealed class ResidentMemoryTests
{
    private const string Status = """
        Name:	dotnet
        Umask:	0022
        State:	S (sleeping)
        Pid:	4711
        VmPeak:	 3542120 kB
        VmSize:	 3477596 kB
        VmHWM:	  131240 kB
        VmRSS:	  123456 kB
        RssAnon:	   80000 kB
        Threads:	24
        """;

    [Fact]
    public void Parse_TheVmRssLine_InBytes()
    {
        Assert.Equal(123456L * 1024, ResidentMemory.Parse(Status));
    }

    [Theory]
    [InlineData("Name:\tzombie\nState:\tZ (zombie)\nThreads:\t1\n")]
    [InlineData("")]
    [InlineData("VmRSS:\t  12 parsecs\n")]
    [InlineData("VmRSS:\t  lots kB\n")]
    public void Parse_NoReadableVmRss_Null(string status)
    {
        Assert.Null(ResidentMemory.Parse(status));
    }

    [Fact]
    public void Read_ThisProcess_ItsResidentSetIsPositive()
    {
        Assert.InRange(ResidentMemory.Read(Environment.ProcessId) ?? 0, 1024 * 1024, long.MaxValue);
    }

    [Fact]
    public void Read_AProcessThatDoesNotExist_Null()
    {
        Assert.Null(ResidentMemory.Read(int.MaxValue));
    }

    [Theory]
    [InlineData(512, "512 B")]
    [InlineData(1536, "1.5 KiB")]
    [InlineData(512L * 1024 * 1024, "512 MiB")]
    [InlineData(356_000_000, "339.5 MiB")]
    [InlineData(3L * 1024 * 1024 * 1024 / 2, "1.5 GiB")]
    public void Format_TheLogsUnits(long bytes, string text)
    {
        Assert.Equal(text, ResidentMemory.Format(bytes));
    }
}
