using RecruitOps.Benchmarks.App;

namespace RecruitOps.Tests.Benchmarks;

public sealed class ProcessLimitsTests
{
    [Fact]
    public void Resident_memory_is_read_from_the_VmRSS_line_in_bytes()
    {
        const string status = "Name:\tdotnet\nVmPeak:\t  900000 kB\nVmRSS:\t  263512 kB\nRssAnon:\t  200000 kB\n";

        var bytes = ResidentMemory.ParseVmRss(status);

        Assert.Equal(263_512L * 1024, bytes);
    }

    [Fact]
    public void This_process_has_a_resident_size()
    {
        var bytes = ResidentMemory.ReadBytes(Environment.ProcessId);

        Assert.True(bytes > 1024 * 1024, $"VmRSS was {bytes}");
    }

    [Fact]
    public void The_open_file_soft_limit_is_the_first_number_on_its_line()
    {
        const string limits = "Limit                     Soft Limit           Hard Limit           Units\n" +
            "Max processes             96369                96369                processes\n" +
            "Max open files            20000                20000                files\n";

        Assert.Equal(20_000, FileDescriptors.ParseSoftLimit(limits));
        Assert.Equal(long.MaxValue, FileDescriptors.ParseSoftLimit("Max open files            unlimited            unlimited            files\n"));
    }
}
