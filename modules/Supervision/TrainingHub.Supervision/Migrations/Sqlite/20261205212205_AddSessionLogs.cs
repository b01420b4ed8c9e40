using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrainingHub.Supervision.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class AddSessionLogs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Logs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SessionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    LeaderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Functions = table.Column<int>(type: "INTEGER", nullable: false),
                    Topics = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    Cases = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    PrivateNote = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    Reflection = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    LeaderSignedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    PersonSignedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Logs", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Logs_Sessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "Sessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Actions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    LogId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    OwnerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    AgreedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    DoneAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Actions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Actions_Logs_LogId",
                        column: x => x.LogId,
                        principalTable: "Logs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LogAddenda",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    LogId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AuthorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    WrittenAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LogAddenda", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LogAddenda_Logs_LogId",
                        column: x => x.LogId,
                        principalTable: "Logs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Actions_LogId",
                table: "Actions",
                column: "LogId");

            migrationBuilder.CreateIndex(
                name: "IX_Actions_OwnerId_DoneAt",
                table: "Actions",
                columns: new[] { "OwnerId", "DoneAt" });

            migrationBuilder.CreateIndex(
                name: "IX_LogAddenda_LogId",
                table: "LogAddenda",
                column: "LogId");

            migrationBuilder.CreateIndex(
                name: "IX_Logs_LeaderId_LeaderSignedAt",
                table: "Logs",
                columns: new[] { "LeaderId", "LeaderSignedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Logs_PersonId_PersonSignedAt",
                table: "Logs",
                columns: new[] { "PersonId", "PersonSignedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Logs_SessionId_PersonId",
                table: "Logs",
                columns: new[] { "SessionId", "PersonId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Logs_UnitId",
                table: "Logs",
                column: "UnitId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Actions");

            migrationBuilder.DropTable(
                name: "LogAddenda");

            migrationBuilder.DropTable(
                name: "Logs");
        }
    }
}
