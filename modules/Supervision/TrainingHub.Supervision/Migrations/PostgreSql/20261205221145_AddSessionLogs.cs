using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrainingHub.Supervision.Migrations.PostgreSql
{
    /// <inheritdoc />
    internal partial class AddSessionLogs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Logs",
                schema: "supervision",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SessionId = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    LeaderId = table.Column<Guid>(type: "uuid", nullable: false),
                    UnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    Functions = table.Column<int>(type: "integer", nullable: false),
                    Topics = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    Cases = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    PrivateNote = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    Reflection = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    LeaderSignedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    PersonSignedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Logs", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Logs_Sessions_SessionId",
                        column: x => x.SessionId,
                        principalSchema: "supervision",
                        principalTable: "Sessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "OutgoingMail",
                schema: "supervision",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    MessageType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ToAddress = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                    ToName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Culture = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Subject = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    TextBody = table.Column<string>(type: "text", nullable: false),
                    HtmlBody = table.Column<string>(type: "text", nullable: false),
                    SentAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Calendar = table.Column<string>(type: "text", nullable: true),
                    CalendarMethod = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    NextAttemptAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    LastError = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutgoingMail", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Actions",
                schema: "supervision",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    LogId = table.Column<Guid>(type: "uuid", nullable: false),
                    Text = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    OwnerId = table.Column<Guid>(type: "uuid", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: true),
                    AgreedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DoneAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Actions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Actions_Logs_LogId",
                        column: x => x.LogId,
                        principalSchema: "supervision",
                        principalTable: "Logs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LogAddenda",
                schema: "supervision",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    LogId = table.Column<Guid>(type: "uuid", nullable: false),
                    AuthorId = table.Column<Guid>(type: "uuid", nullable: false),
                    Text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    WrittenAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LogAddenda", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LogAddenda_Logs_LogId",
                        column: x => x.LogId,
                        principalSchema: "supervision",
                        principalTable: "Logs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Actions_LogId",
                schema: "supervision",
                table: "Actions",
                column: "LogId");

            migrationBuilder.CreateIndex(
                name: "IX_Actions_OwnerId_DoneAt",
                schema: "supervision",
                table: "Actions",
                columns: new[] { "OwnerId", "DoneAt" });

            migrationBuilder.CreateIndex(
                name: "IX_LogAddenda_LogId",
                schema: "supervision",
                table: "LogAddenda",
                column: "LogId");

            migrationBuilder.CreateIndex(
                name: "IX_Logs_LeaderId_LeaderSignedAt",
                schema: "supervision",
                table: "Logs",
                columns: new[] { "LeaderId", "LeaderSignedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Logs_PersonId_PersonSignedAt",
                schema: "supervision",
                table: "Logs",
                columns: new[] { "PersonId", "PersonSignedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Logs_SessionId_PersonId",
                schema: "supervision",
                table: "Logs",
                columns: new[] { "SessionId", "PersonId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Logs_UnitId",
                schema: "supervision",
                table: "Logs",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_OutgoingMail_Status_NextAttemptAtUtc",
                schema: "supervision",
                table: "OutgoingMail",
                columns: new[] { "Status", "NextAttemptAtUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Actions",
                schema: "supervision");

            migrationBuilder.DropTable(
                name: "LogAddenda",
                schema: "supervision");

            migrationBuilder.DropTable(
                name: "OutgoingMail",
                schema: "supervision");

            migrationBuilder.DropTable(
                name: "Logs",
                schema: "supervision");
        }
    }
}
