using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace RetrievalService.Indexing.Files;

/// <summary>
/// Opens a file and tells what it is, where .NET cannot: <see cref="File.OpenHandle"/> blocks in open(2) on a FIFO until
/// a writer comes, and neither <see cref="FileSystemInfo.Attributes"/> nor <see cref="File.GetUnixFileMode(string)"/> tells
/// a FIFO or a device from a regular file. Linux only; elsewhere the file is opened by .NET and taken as regular.
/// </summary>
internal static class UnixFile
{
    // open(2) flags, the same on every Linux architecture .NET runs on. O_NONBLOCK makes opening a FIFO return at once
    // (reads of a regular file ignore it); O_NOCTTY keeps a terminal from becoming the process's controlling one.
    private const int ReadOnly = 0, NoControllingTerminal = 0x100, NonBlocking = 0x800, CloseOnExec = 0x80000;

    // statx(2) of the descriptor itself (AT_EMPTY_PATH), asking for STATX_TYPE | STATX_SIZE. Unlike struct stat,
    // struct statx has one layout on every architecture.
    private const int EmptyPath = 0x1000;
    private const uint TypeAndSize = 0x1 | 0x200;

    private const int TypeMask = 0xF000, Regular = 0x8000;

    private static readonly Dictionary<int, string> OtherTypes = new()
    {
        [0x4000] = "a folder", [0x1000] = "a FIFO (named pipe)", [0x2000] = "a character device", [0x6000] = "a block device", [0xC000] = "a socket",
    };

    /// <summary>Opens <paramref name="path"/> for reading, following symbolic links, without waiting for a FIFO's writer.</summary>
    /// <exception cref="IOException">It cannot be opened (missing, a dangling link, an I/O error).</exception>
    /// <exception cref="UnauthorizedAccessException">Permission denied.</exception>
    public static SafeFileHandle OpenForReading(string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            return File.OpenHandle(path);
        }
        var descriptor = Open(path, ReadOnly | NonBlocking | NoControllingTerminal | CloseOnExec);
        return descriptor >= 0 ? new SafeFileHandle(descriptor, ownsHandle: true) : throw Failure(Marshal.GetLastPInvokeError());
    }

    /// <summary>The open file's length in bytes, and null when it is a regular file, else what it is (<c>a FIFO (named pipe)</c>…).</summary>
    public static (string? NotRegular, long Length) Describe(SafeFileHandle handle)
    {
        if (!OperatingSystem.IsLinux())
        {
            return (null, RandomAccess.GetLength(handle));
        }
        if (StatX((int)handle.DangerousGetHandle(), "", EmptyPath, TypeAndSize, out var status) != 0)
        {
            throw Failure(Marshal.GetLastPInvokeError());
        }
        var type = status.Mode & TypeMask;
        return (type == Regular ? null : OtherTypes.GetValueOrDefault(type, "a special file"), (long)status.Size);
    }

    private static Exception Failure(int errno)
    {
        const int NotPermitted = 1, NoEntry = 2, AccessDenied = 13;
        var message = Marshal.GetPInvokeErrorMessage(errno);
        return errno switch
        {
            NotPermitted or AccessDenied => new UnauthorizedAccessException(message),
            NoEntry => new FileNotFoundException(message),
            _ => new IOException(message),
        };
    }

    [StructLayout(LayoutKind.Explicit, Size = 256)]
    private struct StatXBuffer
    {
        [FieldOffset(28)]
        public ushort Mode;

        [FieldOffset(40)]
        public ulong Size;
    }

    // DllImport, not LibraryImport: the generated stubs would need unsafe code for two plain calls.
    [DllImport("libc", EntryPoint = "open", SetLastError = true)]
    private static extern int Open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

    [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
    private static extern int StatX(int directory, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, out StatXBuffer status);
}
