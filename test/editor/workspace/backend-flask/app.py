from flask import Flask

app = Flask(__name__)


@app.route("/api/health-check")
def health_check():
    return {"success": True}
