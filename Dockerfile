# OrderConsole: build with the .NET 10 SDK, run on the ASP.NET Core 10 runtime as a non-root user on port 8080.
#   docker build -t orderconsole .
#   docker run -p 8080:8080 -v orderconsole-data:/app/data orderconsole   # embedded store, its journal kept in a volume

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
# The build installs the maps' front-end packages (Leaflet) with npm, so the build stage needs Node.js.
RUN apt-get update \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends nodejs npm \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /src
# Restore first, from the project files alone, so the layer is reused until a dependency changes.
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY OrderConsole/OrderConsole.csproj OrderConsole/
COPY OrderConsole/build/ OrderConsole/build/
COPY OrderConsole.Core/OrderConsole.Core.csproj OrderConsole.Core/
RUN dotnet restore OrderConsole/OrderConsole.csproj
# The same for the front-end packages: installed from the lock file alone, marked as installed for the build.
COPY OrderConsole/package.json OrderConsole/package-lock.json OrderConsole/
RUN cd OrderConsole && npm ci --no-audit --no-fund --ignore-scripts && touch node_modules/.orderconsole-install
COPY OrderConsole/ OrderConsole/
COPY OrderConsole.Core/ OrderConsole.Core/
RUN dotnet publish OrderConsole/OrderConsole.csproj -c Release --no-restore -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
ENV ASPNETCORE_HTTP_PORTS=8080 \
    ASPNETCORE_ENVIRONMENT=Production
EXPOSE 8080
# The embedded store's data folder (Storage:DataPath defaults to data/ under the content root, /app): a volume, so
# orders, users and sign-in keys outlive the container; owned by the user the console runs as.
RUN mkdir -p /app/data && chown "$APP_UID" /app/data
VOLUME /app/data
# The image's built-in unprivileged user.
USER $APP_UID
# The runtime image has no curl; bash's /dev/tcp asks /healthz and checks for a 200 status line.
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s --retries=3 \
    CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET /healthz HTTP/1.1\\r\\nHost: localhost\\r\\nConnection: close\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q ' 200 '"]
ENTRYPOINT ["dotnet", "OrderConsole.dll"]
